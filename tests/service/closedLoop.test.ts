import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { QueryResult } from '@touchpoint/contract/src/queryRequest';
import { replaceDatabase } from '@touchpoint/server/src/warehouse/replaceDatabase';
import { readDashboardFiles } from '../grafana/support/dashboardFiles';
import { closedLoopSql } from '../support/closedLoopFixture';
import { startTestService, type TestService } from '../support/startTestService';

// The hand-computed fixture plus one contact of C4 whose after-service CSAT 1
// (R11, 03-08 09:00) opened case F11: contacted after 2 h, closed after 3 h.
const fill =
  closedLoopSql +
  `
  insert into raw.interactions values
    ('I11', 'C4', 'B1', 'phone', 'A1', 'billing', '2024-03-08 08:00', '2024-03-08 08:01', '2024-03-08 08:30', 600);
  insert into raw.responses values
    ('R11', 'B1', 'C4', 'I11', 'after_service', 'csat_5', 1, '2024-03-08 09:00', 'on hold for ages');
  insert into raw.followups values
    ('F11', 'R11', '2024-03-08 10:00', '2024-03-08 11:00', '2024-03-08 12:00', 'Ben', 'staff');
`;

const range = { from: '2024-03-01T00:00:00Z', to: '2024-07-01T00:00:00Z' };
const asOf = Date.parse('2024-06-04T12:00:00Z');
const at = (iso: string) => Date.parse(`${iso}:00Z`);

/** A frame's columns by name. */
const columns = (result: QueryResult): Record<string, unknown[]> => {
  const [frame] = result.frames;
  return Object.fromEntries(frame.schema.fields.map((field, i) => [field.name, frame.data.values[i]]));
};

describe('touchpoint serve: the closed loop', () => {
  const dir = mkdtempSync(join(tmpdir(), 'touchpoint-closed-loop-'));
  let t: TestService;
  beforeAll(async () => {
    await replaceDatabase(join(dir, 'w.duckdb'), async (connection) => {
      await connection.run(fill);
    });
    t = await startTestService(join(dir, 'w.duckdb'));
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const results = (queries: unknown[], extra: Record<string, unknown> = {}) =>
    t.results({ ...range, ...extra, queries });

  it('serves the closed-loop metrics per branch from the rollup, with their n, level and goal', async () => {
    const { coverage, sla, overdue, recovery, negative } = await results([
      { refId: 'coverage', kind: 'metric', metric: 'followup_coverage', groupBy: ['branch_id'] },
      { refId: 'sla', kind: 'metric', metric: 'loop_closed_in_sla', groupBy: ['branch_id'] },
      { refId: 'overdue', kind: 'metric', metric: 'followups_overdue', groupBy: ['branch_id'] },
      { refId: 'recovery', kind: 'metric', metric: 'recovery_rate', groupBy: ['branch_id'] },
      { refId: 'negative', kind: 'metric', metric: 'negative_ratings', groupBy: ['branch_id'] },
    ]);
    // B1: 8 negative (R11 added), 7 eligible, cases R02 R03 R04 R11, closed in SLA R02 R11.
    expect(columns(coverage)).toEqual({
      branch_id: ['B1', 'B2'],
      followup_coverage: [400 / 7, 200 / 3],
      n: [7, 3],
      low_confidence: [true, true],
      branch_name: ['Harbour Street', 'Quay Road'],
      region: ['North', 'South'],
    });
    expect(columns(sla).loop_closed_in_sla).toEqual([200 / 7, 200 / 3]);
    expect(columns(overdue)).toMatchObject({ followups_overdue: [4, 0], n: [7, 3] });
    expect(columns(recovery)).toMatchObject({ recovery_rate: [50, 100], n: [2, 1] });
    expect(columns(negative).negative_ratings).toEqual([8, 3]);
    expect(coverage.frames[0].schema.meta?.custom).toMatchObject({ source: 'hybrid', level: 'interaction' });
    expect(recovery.frames[0].schema.meta?.custom).toMatchObject({ level: 'relationship' });
    expect(coverage.frames[0].schema.fields[1].config).toMatchObject({
      unit: 'percent',
      custom: { goal: 90, direction: 'higher_is_better' },
    });
  });

  it('reads time to first contact from the fact: median of 3600, 7200, 18000, 21600, 86400, 172800 s', async () => {
    const { median, byTouchpoint } = await results([
      { refId: 'median', kind: 'metric', metric: 'followup_contact_median' },
      {
        refId: 'byTouchpoint',
        kind: 'metric',
        metric: 'followup_contact_p90',
        groupBy: ['touchpoint'],
        filters: { branch_id: ['B2'] },
      },
    ]);
    expect(columns(median)).toMatchObject({ followup_contact_median: [19800], n: [6] });
    expect(median.frames[0].schema.meta?.custom).toMatchObject({ source: 'fact' });
    // B2: R06 by SMS (3600 s), R08 by e-mail (21600 s).
    expect(columns(byTouchpoint)).toMatchObject({
      touchpoint: ['email', 'sms'],
      followup_contact_p90: [21600, 3600],
    });
  });

  it('trends a closed-loop ratio by month as time series', async () => {
    const { A } = await results([{ refId: 'A', kind: 'metric', metric: 'followup_coverage', interval: 'month' }]);
    const [frame] = A.frames;
    expect(frame.schema.fields.map((f) => f.name)).toEqual(['time', 'followup_coverage', 'n']);
    // March: 8 eligible (R02..R06, R11, R21, R22), 5 with a case; April: R08 with a case; June: R07 without.
    expect(frame.data.values).toEqual([
      [Date.parse('2024-03-01T00:00:00Z'), Date.parse('2024-04-01T00:00:00Z'), Date.parse('2024-06-01T00:00:00Z')],
      [62.5, 100, 0],
      [8, 1, 1],
    ]);
  });

  it('gives the same values through $__metric and metric() in SQL', async () => {
    const { metric, macro, call, median } = await results([
      { refId: 'metric', kind: 'metric', metric: 'loop_closed_in_sla', groupBy: ['region'] },
      {
        refId: 'macro',
        kind: 'sql',
        sql: 'select region, $__metric(loop_closed_in_sla) as v from agg_followup_daily where $__timeFilter(day) group by region order by region',
      },
      {
        refId: 'call',
        kind: 'sql',
        sql: "select region, metric('loop_closed_in_sla') as v, metric_n('loop_closed_in_sla') as n from fct_negative_ratings where $__timeFilter(responded_at) group by region order by region",
      },
      {
        refId: 'median',
        kind: 'sql',
        sql: "select metric('followup_contact_median') as v from fct_negative_ratings where $__timeFilter(responded_at)",
      },
    ]);
    expect(columns(macro).v).toEqual(columns(metric).loop_closed_in_sla);
    expect(columns(call)).toEqual({ region: ['North', 'South'], v: [200 / 7, 200 / 3], n: [7, 3] });
    expect(columns(median).v).toEqual([19800]);
  });

  it('lists a branch’s ratings awaiting follow-up, oldest first, with their age as of the data’s end', async () => {
    const { b1, b2 } = await results([
      { refId: 'b1', kind: 'drill', drill: 'branch_awaiting_followup', branchId: 'B1' },
      { refId: 'b2', kind: 'drill', drill: 'branch_awaiting_followup', branchId: 'B2' },
    ]);
    const seconds = (iso: string) => (asOf - at(iso)) / 1000;
    expect(columns(b1)).toEqual({
      responded_at: [at('2024-03-03T10:00'), at('2024-03-04T12:00'), at('2024-03-10T10:00'), at('2024-03-20T10:00')],
      response_id: ['R04', 'R05', 'R21', 'R22'],
      customer_id: ['C3', 'C4', 'C1', 'C2'],
      touchpoint: ['app', 'email', 'web', 'sms'],
      instrument: ['stars_5', 'csat_5', 'csat_5', 'nps_11'],
      score: [1, 2, 1, 3],
      comment: ['app keeps crashing', null, null, null],
      age_seconds: [
        seconds('2024-03-03T10:00'),
        seconds('2024-03-04T12:00'),
        seconds('2024-03-10T10:00'),
        seconds('2024-03-20T10:00'),
      ],
      sla_due_at: [at('2024-03-05T10:00'), at('2024-03-06T12:00'), at('2024-03-12T10:00'), at('2024-03-22T10:00')],
      overdue: [true, true, true, true],
      status: ['open', 'no case', 'no case', 'no case'],
      followup_id: ['F04', null, null, null],
      case_opened_at: [at('2024-03-03T11:00'), null, null, null],
      case_contacted_at: [at('2024-03-05T10:00'), null, null, null],
      case_owner: ['Ann', null, null, null],
    });
    expect(b1.frames[0].schema.fields.find((f) => f.name === 'responded_at')?.type).toBe('time');
    // R07 came 10 hours before the data ends: awaiting, not yet overdue.
    expect(columns(b2)).toMatchObject({ response_id: ['R07'], overdue: [false], age_seconds: [10 * 3600] });
  });

  it('narrows the backlog to ratings given in the range, and names what the drill needs', async () => {
    const { march, missing } = await results(
      [
        { refId: 'march', kind: 'drill', drill: 'branch_awaiting_followup', branchId: 'B1' },
        { refId: 'missing', kind: 'drill', drill: 'branch_awaiting_followup' },
      ],
      { from: '2024-03-04T00:00:00Z', to: '2024-03-15T00:00:00Z' }
    );
    expect(columns(march).response_id).toEqual(['R05', 'R21']);
    expect(missing.error).toEqual({ code: 'bad_request', message: "drill 'branch_awaiting_followup' needs branchId" });
  });

  it('counts each branch’s backlog on the wall as provisioned: its ratings awaiting follow-up and the oldest one’s age', async () => {
    const panel = readDashboardFiles()
      .flatMap((file) => file.panels)
      .find((p) => p.title === 'Follow-up of negative ratings by branch');
    const backlog = panel?.targets?.find((target) => target.kind === 'sql');
    const query = { refId: 'backlog', kind: 'sql', sql: backlog?.sql, variables: { branch: ['B1', 'B2'] } };
    const { backlog: all } = await results([query]);
    const seconds = (iso: string) => (asOf - at(iso)) / 1000;
    // B1 awaits R04 R05 R21 R22 (the drill above), B2 awaits R07.
    expect(columns(all)).toEqual({
      branch_id: ['B1', 'B2'],
      oldest_awaiting_seconds: [seconds('2024-03-03T10:00'), 10 * 3600],
      awaiting: [4, 1],
    });
    // In March's first half B1 awaits R05 and R21; B2 nothing, and is still listed.
    const { backlog: march } = await results([query], { from: '2024-03-04T00:00:00Z', to: '2024-03-15T00:00:00Z' });
    expect(columns(march)).toEqual({
      branch_id: ['B1', 'B2'],
      oldest_awaiting_seconds: [seconds('2024-03-04T12:00'), null],
      awaiting: [2, 0],
    });
  });

  it('lists the ratings awaiting follow-up on the operations dashboard as provisioned: every branch’s, oldest first, as the drill does', async () => {
    const panel = readDashboardFiles()
      .flatMap((file) => file.panels)
      .find((p) => p.title === 'Negative ratings awaiting follow-up, oldest first');
    const sql = panel?.targets?.find((target) => target.kind === 'sql')?.sql;
    const list = { refId: 'list', kind: 'sql', sql, variables: { branch: ['B1', 'B2'] } };
    const {
      list: all,
      b1,
      b2,
    } = await results([
      list,
      { refId: 'b1', kind: 'drill', drill: 'branch_awaiting_followup', branchId: 'B1' },
      { refId: 'b2', kind: 'drill', drill: 'branch_awaiting_followup', branchId: 'B2' },
    ]);
    // The drill's rows of both branches, merged oldest first: what the list shows across branches.
    const names: Record<string, string> = { b1: 'Harbour Street', b2: 'Quay Road' };
    const expected = Object.entries({ b1, b2 })
      .flatMap(([ref, result]) => {
        const c = columns(result);
        return c.response_id.map((_id, i) => ({
          branch: names[ref],
          rated: c.responded_at[i] as number,
          customer: c.customer_id[i],
          waiting: c.age_seconds[i],
          sla: c.overdue[i] ? 'overdue' : 'within SLA',
          status: c.status[i],
        }));
      })
      .sort((a, b) => a.rated - b.rated);
    expect(expected).toHaveLength(5);
    const shown = columns(all);
    expect(shown).toMatchObject({
      branch: expected.map((row) => row.branch),
      rated: expected.map((row) => row.rated),
      customer: expected.map((row) => row.customer),
      waiting: expected.map((row) => row.waiting),
      sla: expected.map((row) => row.sla),
      status: expected.map((row) => row.status),
    });
    // One branch chosen: its rows alone.
    const { list: one } = await results([{ ...list, variables: { branch: ['B2'] } }]);
    expect(columns(one).customer).toEqual(columns(b2).customer_id);
  });

  it('shows each of a customer’s ratings with its case beside it', async () => {
    const { c1, c4 } = await results([
      { refId: 'c1', kind: 'drill', drill: 'customer_interactions', customerId: 'C1' },
      { refId: 'c4', kind: 'drill', drill: 'customer_interactions', customerId: 'C4' },
    ]);
    expect(columns(c1)).toMatchObject({
      id: ['R02', 'R20', 'R21', 'R07'],
      event: ['rating', 'rating', 'rating', 'rating'],
      negative: [true, false, true, true],
      followup_id: ['F02', null, null, null],
      case_opened_at: [at('2024-03-01T12:00'), null, null, null],
      case_contacted_at: [at('2024-03-01T15:00'), null, null, null],
      case_closed_at: [at('2024-03-02T09:00'), null, null, null],
      case_owner: ['Ann', null, null, null],
    });
    // C4's contact carries the case its after-service rating opened; the passive R09's case is shown too.
    expect(columns(c4)).toMatchObject({
      id: ['R05', 'R09', 'I11'],
      event: ['rating', 'rating', 'contact'],
      csat: [null, null, 1],
      comment: [null, null, 'on hold for ages'],
      negative: [true, false, true],
      followup_id: [null, 'F09', 'F11'],
      case_closed_at: [null, at('2024-03-07T09:00'), at('2024-03-08T12:00')],
      case_owner: [null, 'Ann', 'Ben'],
    });
  });
});
