import type { CatalogResponse, Health } from '@touchpoint/contract/src/serviceResponses';
import { healthMessage } from './healthMessage';

const health: Health = {
  status: 'ok',
  service: 'touchpoint',
  dataVersion: 'abc123',
  version: '0.1.0',
  mappingVersion: '2024.1',
  asOf: Date.parse('2024-04-24T22:20:00Z'),
  firstEventAt: Date.parse('2024-01-01T00:00:00Z'),
  loadedAt: 0,
  load: { running: 0, queued: 0, checkedAt: 0, watchIntervalMs: 1000, swaps: 0, problem: null },
};
const catalog = { metrics: new Array(23) } as unknown as CatalogResponse;

describe('healthMessage', () => {
  it.each([
    [Date.parse('2024-04-24T22:50:00Z'), 'less than an hour old'],
    [Date.parse('2024-04-25T01:20:00Z'), '3 hours old'],
    [Date.parse('2024-05-04T22:20:00Z'), '10 days old'],
  ])('states the version, data version, freshness and catalog size (now %d)', (now, age) => {
    expect(healthMessage(health, catalog, now)).toEqual({
      status: 'success',
      message: `Connected to Touchpoint 0.1.0: data version abc123, data as of 2024-04-24 22:20 UTC (${age}), 23 metrics, SLI mapping 2024.1.`,
    });
  });

  it('says when the warehouse is empty', () => {
    expect(healthMessage({ ...health, asOf: null }, catalog, 0).message).toContain('the warehouse holds no events yet');
  });

  it('warns, naming the reason, when the newest file was refused and older data is served', () => {
    const reason = 'not a readable DuckDB warehouse: the file is truncated';
    const answer = healthMessage(
      { ...health, load: { ...health.load, problem: { reason, since: 0 } } },
      catalog,
      Date.parse('2024-04-24T22:50:00Z')
    );
    expect(answer.status).toBe('warning');
    expect(answer.message).toMatch(
      /^Connected to Touchpoint 0\.1\.0: .* But the newest file at the warehouse path was refused \(not a readable DuckDB warehouse: the file is truncated\)/
    );
  });
});
