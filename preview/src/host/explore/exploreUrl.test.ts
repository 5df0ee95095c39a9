import { EXPLORE_REF_ID, exploreUrlState, queryParam } from './exploreUrl';

describe('exploreUrlState', () => {
  it('reads the query, its text and the view from the URL', () => {
    const text = JSON.stringify({ kind: 'sql', sql: 'select 1', format: 'table' });
    expect(exploreUrlState({ query: text, view: 'table' })).toEqual({
      query: { kind: 'sql', sql: 'select 1', format: 'table', refId: EXPLORE_REF_ID },
      queryText: text,
      view: 'table',
    });
  });

  it('has no query and no view when the URL names none, and ignores a view it does not know', () => {
    expect(exploreUrlState({})).toEqual({ query: undefined, queryText: '', view: undefined });
    expect(exploreUrlState({ view: 'pie' }).view).toBeUndefined();
  });

  it('says why a query that is not JSON, or not an object, is not used', () => {
    expect(exploreUrlState({ query: '{kind:' })).toMatchObject({
      query: undefined,
      problem: expect.stringMatching(/^the URL's query parameter is not JSON \(/),
    });
    expect(exploreUrlState({ query: '[1]' })).toMatchObject({
      query: undefined,
      problem: expect.stringMatching(/^the URL's query parameter is not a query: /),
    });
  });

  it('round-trips a query through its parameter, without the datasource reference', () => {
    const query = { refId: 'A', kind: 'metric', metric: 'sli', datasource: { type: 't', uid: 'u' } };
    const text = queryParam(query);
    expect(JSON.parse(text)).toEqual({ refId: 'A', kind: 'metric', metric: 'sli' });
    expect(exploreUrlState({ query: text }).query).toEqual({ refId: 'A', kind: 'metric', metric: 'sli' });
  });
});
