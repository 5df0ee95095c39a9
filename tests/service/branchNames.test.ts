import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { QueryResult } from '@touchpoint/contract/src/queryRequest';
import { healthSchema } from '@touchpoint/contract/src/serviceResponses';
import { fillSmallWarehouse, writeSmallWarehouse } from '@touchpoint/server/src/testing/smallWarehouse';
import { replaceDatabase } from '@touchpoint/server/src/warehouse/replaceDatabase';
import { startTestService, type TestService } from '../support/startTestService';

const range = { from: '2024-01-01T00:00:00Z', to: '2024-05-01T00:00:00Z' };
// The small warehouse's branches as its raw.branches has them.
const NAMES = { B1: 'Harbour Street', B2: 'Mill Lane', B3: 'Quay Road' };
const REGIONS = { B1: 'North', B2: 'North', B3: 'South' };

const column = (result: QueryResult, name: string, frame = 0) => {
  const index = result.frames[frame].schema.fields.findIndex((field) => field.name === name);
  expect(index).toBeGreaterThanOrEqual(0);
  return result.frames[frame].data.values[index];
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('metric frames name their branches', () => {
  const dir = mkdtempSync(join(tmpdir(), 'touchpoint-branch-names-'));
  const db = join(dir, 'w.duckdb');
  let t: TestService;
  beforeAll(async () => {
    await writeSmallWarehouse(db);
    t = await startTestService(db, { watchIntervalMs: 200 });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const results = (queries: unknown[]) => t.results({ ...range, queries });

  it('gives a table grouped by branch_id each branch’s name and region as its last fields', async () => {
    const { A } = await results([{ refId: 'A', kind: 'metric', metric: 'sli', groupBy: ['branch_id'] }]);
    expect(A.frames[0].schema.fields.map((field) => [field.name, field.type])).toEqual([
      ['branch_id', 'string'],
      ['sli', 'number'],
      ['n', 'number'],
      ['low_confidence', 'boolean'],
      ['branch_name', 'string'],
      ['region', 'string'],
    ]);
    const ids = column(A, 'branch_id') as Array<keyof typeof NAMES>;
    expect(ids).toEqual(['B1', 'B2', 'B3']);
    expect(column(A, 'branch_name')).toEqual(ids.map((id) => NAMES[id]));
    expect(column(A, 'region')).toEqual(ids.map((id) => REGIONS[id]));
  });

  it('adds only the name when the metric is grouped by region already, after the comparison', async () => {
    const { A } = await results([
      {
        refId: 'A',
        kind: 'metric',
        metric: 'followups_overdue',
        groupBy: ['branch_id', 'region'],
        compare: 'previous_period',
      },
    ]);
    expect(A.frames[0].schema.fields.map((field) => field.name)).toEqual([
      'branch_id',
      'region',
      'followups_overdue',
      'n',
      'low_confidence',
      'previous',
      'previous_n',
      'change',
      'branch_name',
    ]);
    const ids = column(A, 'branch_id') as Array<keyof typeof NAMES>;
    expect(column(A, 'branch_name')).toEqual(ids.map((id) => NAMES[id]));
  });

  it('labels each branch’s time series with its name and region', async () => {
    const { A } = await results([
      { refId: 'A', kind: 'metric', metric: 'csat', groupBy: ['branch_id'], interval: 'month' },
    ]);
    expect(A.frames).toHaveLength(3);
    for (const frame of A.frames) {
      const value = frame.schema.fields.find((field) => field.name === 'csat')!;
      const id = value.labels!.branch_id as keyof typeof NAMES;
      expect(value.labels).toEqual({ branch_id: id, branch_name: NAMES[id], region: REGIONS[id] });
      expect(frame.schema.fields.find((field) => field.name === 'n')?.labels).toEqual(value.labels);
    }
  });

  it('names nothing for a metric not grouped by branch, and leaves SQL results as the analyst wrote them', async () => {
    const { byChannel, sql } = await results([
      { refId: 'byChannel', kind: 'metric', metric: 'volume', groupBy: ['channel'] },
      { refId: 'sql', kind: 'sql', sql: 'select branch_id, count(*) as contacts from fct_interactions group by 1' },
    ]);
    expect(byChannel.frames[0].schema.fields.map((field) => field.name)).toEqual([
      'channel',
      'volume',
      'n',
      'low_confidence',
    ]);
    expect(sql.frames[0].schema.fields.map((field) => field.name)).toEqual(['branch_id', 'contacts']);
  });

  it('names branches as the newly loaded warehouse does once it is served', async () => {
    const before = healthSchema.parse(await (await fetch(`${t.url}/api/health`)).json()).dataVersion;
    await replaceDatabase(db, async (connection) => {
      await fillSmallWarehouse(connection);
      await connection.run(
        "update raw.branches set name = 'Harbour Street East', region = 'Coast' where branch_id = 'B1'"
      );
    });
    const deadline = Date.now() + 20_000;
    while (healthSchema.parse(await (await fetch(`${t.url}/api/health`)).json()).dataVersion === before) {
      expect(Date.now()).toBeLessThan(deadline);
      await sleep(100);
    }
    const { A } = await results([{ refId: 'A', kind: 'metric', metric: 'nps', groupBy: ['branch_id'] }]);
    expect(column(A, 'branch_name')).toEqual(['Harbour Street East', NAMES.B2, NAMES.B3]);
    expect(column(A, 'region')).toEqual(['Coast', REGIONS.B2, REGIONS.B3]);
  });
});
