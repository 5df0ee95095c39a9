import { defaultOptions, readOptions } from './scorecardOptions';

describe('scorecard options', () => {
  it('defaults to worst-first SLI gauges that follow kiosk mode', () => {
    expect(defaultOptions).toMatchObject({
      view: 'sli',
      sort: 'worst',
      wall: 'auto',
      branchVariable: 'branch',
      rotateSeconds: 0,
    });
  });

  it('keeps what a dashboard saved and replaces only the values it cannot use', () => {
    const options = readOptions({ view: 'cohorts', cohortValue: 'count', sort: 'sideways', rotateSeconds: -4 });
    expect(options).toMatchObject({ view: 'cohorts', cohortValue: 'count', sort: 'worst', rotateSeconds: 0 });
  });

  it('reads a panel saved with no options at all', () => {
    expect(readOptions(undefined)).toEqual(defaultOptions);
  });
});
