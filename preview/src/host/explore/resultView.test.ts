import { possibleViews, shownView } from './resultView';

/** A frame as the service's answer becomes one: fields with Grafana's type names, and a row count. */
const frame = (types: string[], length: number) => ({ length, fields: types.map((type) => ({ type })) });
const series = frame(['time', 'number'], 2);
const table = frame(['string', 'number'], 1);
const empty = frame(['string'], 0);

describe('the result view', () => {
  it('offers a time series first when every frame with rows has time and numbers', () => {
    expect(possibleViews([series, empty])).toEqual(['time_series', 'table']);
    expect(shownView([series], undefined)).toBe('time_series');
  });

  it('keeps the table when the person chose it', () => {
    expect(shownView([series], 'table')).toBe('table');
  });

  it('shows a table when a frame has no time or no number, whatever was chosen', () => {
    expect(possibleViews([series, table])).toEqual(['table']);
    expect(shownView([table], 'time_series')).toBe('table');
    expect(shownView([], undefined)).toBe('table');
  });
});
