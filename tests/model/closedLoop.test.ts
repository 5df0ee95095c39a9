import { readRows } from '@touchpoint/server/src/db/readRows';
import { buildTestWarehouse, type TestWarehouse } from '../support/buildTestWarehouse';
import { closedLoopRatingsSql, closedLoopSql } from '../support/closedLoopFixture';
import { metricEvaluator, utc } from '../support/metricHelpers';

// The fixture's table (tests/support/closedLoopFixture.ts) is the hand computation.
const all = { from: utc('2024-03-01T00:00:00'), to: utc('2024-07-01T00:00:00') };

/** One row of fct_negative_ratings' closed-loop columns, in the order the test lists them. */
const row = (
  response_id: string,
  is_eligible: boolean,
  followup_id: string | null,
  is_closed_in_sla: boolean,
  is_awaiting: boolean,
  is_overdue: boolean,
  next_response_id: string | null,
  is_recovered: boolean | null
) => ({
  response_id,
  is_eligible,
  followup_id,
  is_closed_in_sla,
  is_awaiting,
  is_overdue,
  next_response_id,
  is_recovered,
});

describe('the closed loop on a hand-computed fixture', () => {
  let warehouse: TestWarehouse;
  let metrics: Awaited<ReturnType<typeof metricEvaluator>>;
  beforeAll(async () => {
    warehouse = await buildTestWarehouse(closedLoopSql);
    metrics = await metricEvaluator(warehouse.connection);
  });
  afterAll(() => warehouse.close());

  const everySource = (name: string, expected: { value: number | null; n: number }) => async () => {
    for (const source of ['rollup', 'fact', 'hybrid'] as const) {
      const [row] = await metrics.rows(name, {}, all, source);
      expect({ source, value: row.value === null ? null : Number(row.value), n: row.n }).toEqual({
        source,
        value: expected.value === null ? null : expect.closeTo(expected.value, 10),
        n: expected.n,
      });
    }
  };

  it('keeps one row per negative rating: below Neutral or an NPS detractor, anonymous ones included', async () => {
    const rows = await readRows(
      warehouse.connection,
      `select response_id, is_eligible, followup_id, is_closed_in_sla, is_awaiting, is_overdue,
              next_response_id, is_recovered
       from fct_negative_ratings order by response_id`
    );
    expect(rows).toEqual([
      // R09 (a passive with a case) and R10 (Neutral) are not negative.
      row('R01', false, null, false, false, false, null, null),
      row('R02', true, 'F02', true, false, false, 'R20', true),
      row('R03', true, 'F03', false, false, false, 'R22', false),
      row('R04', true, 'F04', false, true, true, null, null),
      row('R05', true, null, false, true, true, null, null),
      row('R06', true, 'F06', true, false, false, null, null),
      row('R07', true, null, false, true, false, null, null),
      row('R08', true, 'F08', true, false, false, 'R25', true),
      row('R21', true, null, false, true, true, null, null),
      row('R22', true, null, false, true, true, null, null),
    ]);
  });

  it('measures time to first contact and to closing from the rating, and the SLA from the rating', async () => {
    const rows = await readRows(
      warehouse.connection,
      `select response_id, first_contact_seconds, close_seconds, strftime(sla_due_at, '%Y-%m-%d %H:%M') as due
       from fct_negative_ratings where followup_id is not null order by response_id`
    );
    expect(rows).toEqual([
      { response_id: 'R02', first_contact_seconds: 5 * 3600, close_seconds: 23 * 3600, due: '2024-03-03 10:00' },
      { response_id: 'R03', first_contact_seconds: 24 * 3600, close_seconds: 72 * 3600, due: '2024-03-04 08:00' },
      { response_id: 'R04', first_contact_seconds: 48 * 3600, close_seconds: null, due: '2024-03-05 10:00' },
      { response_id: 'R06', first_contact_seconds: 3600, close_seconds: 2 * 3600, due: '2024-03-07 10:00' },
      { response_id: 'R08', first_contact_seconds: 6 * 3600, close_seconds: 48 * 3600, due: '2024-04-03 10:00' },
    ]);
  });

  // Negative: R01..R08, R21, R22.
  it('counts negative ratings: 10', everySource('negative_ratings', { value: 10, n: 10 }));
  // Eligible: all but the anonymous R01 (9); with a case: R02, R03, R04, R06, R08.
  it(
    'follow-up coverage is eligible ratings with a case: 5 / 9',
    everySource('followup_coverage', { value: 500 / 9, n: 9 })
  );
  // Closed within 48 h: R02 (23 h), R06 (2 h), R08 (exactly 48 h); R03 took 72 h, R04 never closed.
  it('loop closed in SLA: 3 / 9, the 48th hour included', everySource('loop_closed_in_sla', { value: 300 / 9, n: 9 }));
  // No closed case and due before 2024-06-04 12:00: R04 (open case), R05, R21, R22; R07 is due on 06-06.
  it('overdue follow-ups are the backlog past its SLA: 4', everySource('followups_overdue', { value: 4, n: 9 }));
  // Closed and re-rated within 90 days: R02 (R20 wins the tie with R21: 5, recovered), R03 (R22: NPS 3,
  // not recovered), R08 (R25: NPS 7, recovered). R06's customer rated at the closing instant and 91 days later.
  it(
    'recovery rate is the share of re-rated closed cases whose next rating is not negative: 2 / 3',
    everySource('recovery_rate', { value: 200 / 3, n: 3 })
  );

  // First contacts: 3600, 18000, 21600, 86400, 172800 seconds.
  it('time to first contact, median: 21600 s', async () => {
    expect(await metrics.rows('followup_contact_median', {}, all, 'fact')).toEqual([{ value: 21600, n: 5 }]);
  });
  it('time to first contact, p90: 86400 + 0.6 * (172800 - 86400) = 138240 s', async () => {
    expect(await metrics.rows('followup_contact_p90', {}, all, 'fact')).toEqual([{ value: 138240, n: 5 }]);
  });

  it('splits by branch: B1 behind on every count, B2 closing its loops', async () => {
    const byBranch = async (name: string) => {
      const source = metrics.definition(name).source.rollup ? 'hybrid' : 'fact';
      return (await metrics.rows(name, { groupBy: ['branch_id'] }, all, source)).map((r) => [
        r.branch_id,
        r.value,
        r.n,
      ]);
    };
    expect(await byBranch('negative_ratings')).toEqual([
      ['B1', 7, 7],
      ['B2', 3, 3],
    ]);
    expect(await byBranch('followup_coverage')).toEqual([
      ['B1', 50, 6],
      ['B2', 200 / 3, 3],
    ]);
    expect(await byBranch('loop_closed_in_sla')).toEqual([
      ['B1', 100 / 6, 6],
      ['B2', 200 / 3, 3],
    ]);
    expect(await byBranch('followups_overdue')).toEqual([
      ['B1', 4, 6],
      ['B2', 0, 3],
    ]);
    expect(await byBranch('recovery_rate')).toEqual([
      ['B1', 50, 2],
      ['B2', 100, 1],
    ]);
    // B1: 18000, 86400, 172800; B2: 3600, 21600.
    expect(await byBranch('followup_contact_median')).toEqual([
      ['B1', 86400, 3],
      ['B2', 12600, 2],
    ]);
  });

  it('attributes everything to the rating’s time: a range cut mid-day keeps R02..R04 and drops R01 and R05', async () => {
    const cut = { from: utc('2024-03-01T09:30:00'), to: utc('2024-03-04T12:00:00') };
    const value = async (name: string) => {
      const [hybrid] = await metrics.rows(name, {}, cut, 'hybrid');
      expect(await metrics.rows(name, {}, cut, 'fact')).toEqual([hybrid]);
      return [hybrid.value, hybrid.n];
    };
    expect(await value('negative_ratings')).toEqual([3, 3]);
    expect(await value('followup_coverage')).toEqual([100, 3]);
    expect(await value('loop_closed_in_sla')).toEqual([100 / 3, 3]);
    expect(await value('followups_overdue')).toEqual([1, 3]);
    expect(await value('recovery_rate')).toEqual([50, 2]);
  });

  it('takes the SLA and the recovery window from the model parameters, both ends inclusive', async () => {
    const longer = await buildTestWarehouse(closedLoopSql, { followupSlaHours: 72, recoveryWindowDays: 91 });
    try {
      const other = await metricEvaluator(longer.connection);
      // R03's case closed at exactly 72 h.
      expect(await other.value('loop_closed_in_sla', all)).toBeCloseTo(400 / 9, 10);
      // R06's customer rated again 91 days after closing, with an NPS 10.
      expect(await other.rows('recovery_rate', {}, all, 'rollup')).toEqual([{ value: 75, n: 4 }]);
      const [params] = await readRows(
        longer.connection,
        'select followup_sla_hours, recovery_window_days from model_params'
      );
      expect(params).toEqual({ followup_sla_hours: 72, recovery_window_days: 91 });
    } finally {
      longer.close();
    }
  });

  it('counts follow-up times in the data’s as-of', async () => {
    const late = await buildTestWarehouse(
      closedLoopSql +
        `insert into raw.followups values ('F07', 'R07', '2024-06-04 03:00', '2024-06-05 08:00', '2024-06-06 09:00', 'Ben', null);`
    );
    try {
      const [info] = await readRows(
        late.connection,
        `select strftime(as_of, '%Y-%m-%d %H:%M') as as_of from model_info`
      );
      expect(info.as_of).toBe('2024-06-06 09:00');
      // Now R07 is closed, though 55 h after the rating: not in SLA, not overdue.
      const other = await metricEvaluator(late.connection);
      expect(await other.rows('followups_overdue', {}, all, 'rollup')).toEqual([{ value: 4, n: 9 }]);
      expect(await other.rows('followup_coverage', {}, all, 'rollup')).toEqual([{ value: 600 / 9, n: 9 }]);
    } finally {
      late.close();
    }
  });
});

describe('the closed loop on a warehouse without follow-ups', () => {
  let warehouse: TestWarehouse;
  let metrics: Awaited<ReturnType<typeof metricEvaluator>>;
  beforeAll(async () => {
    warehouse = await buildTestWarehouse(closedLoopRatingsSql);
    metrics = await metricEvaluator(warehouse.connection);
  });
  afterAll(() => warehouse.close());

  it('builds, and gives coverage and closed in SLA 0 of the 9 eligible', async () => {
    for (const source of ['rollup', 'fact', 'hybrid'] as const) {
      expect(await metrics.rows('followup_coverage', {}, all, source)).toEqual([{ value: 0, n: 9 }]);
      expect(await metrics.rows('loop_closed_in_sla', {}, all, source)).toEqual([{ value: 0, n: 9 }]);
    }
  });

  it('counts every eligible rating past its SLA as overdue (all but R07), and has no recovery or contact time', async () => {
    expect(await metrics.rows('followups_overdue', {}, all, 'rollup')).toEqual([{ value: 8, n: 9 }]);
    expect(await metrics.rows('recovery_rate', {}, all, 'rollup')).toEqual([{ value: null, n: 0 }]);
    expect(await metrics.rows('followup_contact_median', {}, all, 'fact')).toEqual([{ value: null, n: 0 }]);
  });

  it('keeps the data version the four files always had, and changes it when follow-ups come', async () => {
    const version = async (w: TestWarehouse) =>
      (await readRows(w.connection, 'select data_version from model_info'))[0].data_version;
    const [fourFiles] = await readRows(
      warehouse.connection,
      `select printf('%016x', bit_xor(h)) as v from (
         select hash(count(*), bit_xor(hash(branch_id, name, region, timezone))) as h from raw.branches
         union all
         select hash(count(*), bit_xor(hash(customer_id, branch_id, segment, started_at, ended_at, monthly_revenue))) from raw.customers
         union all
         select hash(count(*), bit_xor(hash(interaction_id, customer_id, branch_id, channel, agent_id, topic, opened_at, first_response_at, resolved_at, handle_seconds))) from raw.interactions
         union all
         select hash(count(*), bit_xor(hash(response_id, branch_id, customer_id, interaction_id, touchpoint, instrument, score, responded_at, comment))) from raw.responses)`
    );
    expect(await version(warehouse)).toBe(fourFiles.v);
    const withCases = await buildTestWarehouse(closedLoopSql);
    try {
      expect(await version(withCases)).not.toBe(fourFiles.v);
    } finally {
      withCases.close();
    }
  });
});
