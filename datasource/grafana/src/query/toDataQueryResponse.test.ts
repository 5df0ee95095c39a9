import { FieldType, LoadingState } from '@grafana/data';
import { toDataQueryResponse } from './toDataQueryResponse';

const frame = (refId: string) => ({
  schema: {
    refId,
    fields: [
      { name: 'time', type: 'time' as const },
      { name: 'csat', type: 'number' as const, labels: { branch_id: 'BR001' } },
    ],
  },
  data: {
    values: [
      [1704067200000, 1704153600000],
      [81.5, 79],
    ],
  },
});

describe('toDataQueryResponse', () => {
  it('turns each result’s frames into Grafana frames tagged with the query’s refId', () => {
    const response = toDataQueryResponse({ results: { A: { frames: [frame('A')] } } }, ['A']);
    expect(response.state).toBe(LoadingState.Done);
    expect(response.errors).toEqual([]);
    const [csat] = response.data;
    expect(csat.refId).toBe('A');
    expect(csat.fields.map((field: { type: FieldType }) => field.type)).toEqual([FieldType.time, FieldType.number]);
    expect(csat.fields[1].labels).toEqual({ branch_id: 'BR001' });
    expect(csat.length).toBe(2);
  });

  it('keeps one query’s error to that query and earlier errors too', () => {
    const response = toDataQueryResponse(
      {
        results: {
          A: { frames: [frame('A')] },
          B: { frames: [], error: { code: 'bad_sql', message: 'no such table' } },
        },
      },
      ['A', 'B', 'C'],
      [{ refId: 'D', message: 'invalid' }]
    );
    expect(response.state).toBe(LoadingState.Error);
    expect(response.data.map((f: { refId?: string }) => f.refId)).toEqual(['A']);
    expect(response.errors).toEqual([
      { refId: 'D', message: 'invalid' },
      { refId: 'B', message: 'no such table', data: { message: 'no such table', error: 'bad_sql' } },
      { refId: 'C', message: 'The Touchpoint service returned no result for query C.' },
    ]);
  });

  it('says the answer cannot be read, for every query, when the service sends something else', () => {
    const response = toDataQueryResponse({ rows: [] }, ['A', 'B']);
    expect(response.errors).toEqual([
      {
        refId: 'A',
        message: expect.stringMatching(/^The Touchpoint service sent an answer this plugin cannot read \(results:/),
      },
      { refId: 'B', message: expect.stringMatching(/^The Touchpoint service sent an answer/) },
    ]);
  });
});
