import { journeyRecords, runJourney } from '@touchpoint/server/src/journey/runJourney';
import { buildModel } from '@touchpoint/server/src/warehouse/buildModel';
import { isLeakingBranch } from './appLeak';
import { seedOptionsSchema } from './seedOptions';
import { planSeed } from './seedPlan';
import { branchIds } from './seedIds';
import { seededDatabase, TEST_END, type SeededDatabase } from './testing/seededDatabase';
import { comments } from './vocabulary/comments';
import { sqlStringList } from './sqlValues';

/**
 * The dynamics a dashboard should let people discover, asserted on the raw
 * tables with the same SQL an analyst would write.
 */
describe('generated data tells a story', () => {
  let db: SeededDatabase;
  const lastYear = `date '${TEST_END}' - interval 1 year`;

  beforeAll(async () => {
    db = await seededDatabase({ scale: 0.5, seed: 1 });
  });

  afterAll(() => db.close());

  const csatByBranch = `
    select branch_id, 100.0 * count_if(score >= 4) / count(*) as csat
    from raw.responses where instrument = 'csat_5' group by branch_id having count(*) >= 200`;
  const npsByBranch = `
    select branch_id, 100.0 * (count_if(score >= 9) - count_if(score <= 6)) / count(*) as nps
    from raw.responses where instrument = 'nps_11' group by branch_id having count(*) >= 100`;

  it('has plausible overall CSAT, NPS and yearly churn', async () => {
    const [row] = await db.rows(`
      select
          (select 100.0 * count_if(score >= 4) / count(*) from raw.responses where instrument = 'csat_5') as csat,
          (select 100.0 * (count_if(score >= 9) - count_if(score <= 6)) / count(*) from raw.responses where instrument = 'nps_11') as nps,
          (select 100.0 * count_if(ended_at >= ${lastYear})
              / count_if(started_at < ${lastYear} and (ended_at is null or ended_at >= ${lastYear}))
           from raw.customers) as churn`);
    expect(row.csat).toBeGreaterThan(70);
    expect(row.csat).toBeLessThan(85);
    expect(row.nps).toBeGreaterThan(10);
    expect(row.nps).toBeLessThan(40);
    expect(row.churn).toBeGreaterThan(10);
    expect(row.churn).toBeLessThan(25);
  });

  it('has a wide CSAT and NPS spread between the best and the worst branch', async () => {
    expect(await db.scalar(`select max(csat) - min(csat) from (${csatByBranch})`)).toBeGreaterThan(15);
    expect(await db.scalar(`select max(nps) - min(nps) from (${npsByBranch})`)).toBeGreaterThan(15);
  });

  it('rates slowly resolved contacts lower than quickly resolved ones', async () => {
    const rows = await db.rows(`
      with resolved as (
          select interaction_id, channel, epoch(resolved_at - opened_at) as seconds
          from raw.interactions where resolved_at is not null
      ),
      quartiles as (
          select channel, quantile_cont(seconds, 0.25) as fast, quantile_cont(seconds, 0.75) as slow
          from resolved group by channel
      )
      select
          avg(r.score) filter (where seconds >= slow) as slow_csat,
          avg(r.score) filter (where seconds <= fast) as fast_csat
      from resolved join quartiles using (channel) join raw.responses as r using (interaction_id)
      where r.instrument = 'csat_5'`);
    expect(Number(rows[0].fast_csat) - Number(rows[0].slow_csat)).toBeGreaterThan(0.3);
  });

  it('gave churned customers a larger share of bad contacts than retained ones', async () => {
    const rows = await db.rows(`
      with contacts as (
          select *, epoch(resolved_at - opened_at) as seconds from raw.interactions where customer_id is not null
      ),
      slow as (select channel, quantile_cont(seconds, 0.75) as p75 from contacts group by channel),
      repeated as (
          select distinct a.interaction_id
          from contacts as a
          join contacts as b
              on b.customer_id = a.customer_id and b.topic = a.topic
              and b.opened_at > a.opened_at and b.opened_at <= a.opened_at + interval 7 day
      ),
      judged as (
          select c.customer_id, c.resolved_at is null or c.seconds > s.p75 or r.interaction_id is not null as bad
          from contacts as c join slow as s using (channel) left join repeated as r using (interaction_id)
      )
      select cu.ended_at is not null as churned, avg(bad::integer) as bad_share
      from judged join raw.customers as cu using (customer_id)
      group by all order by churned`);
    const [retained, churned] = rows;
    expect(Number(churned.bad_share) - Number(retained.bad_share)).toBeGreaterThan(0.03);
  });

  it('repeats some contacts on the same topic within a week, so first-contact resolution varies', async () => {
    const fcr = await db.scalar(`
      select 100.0 * count(*) filter (where not exists (
          select 1 from raw.interactions as later
          where later.customer_id = i.customer_id and later.topic = i.topic
              and later.opened_at > i.opened_at and later.opened_at <= i.opened_at + interval 7 day
      )) / count(*)
      from raw.interactions as i where customer_id is not null and resolved_at is not null`);
    expect(fcr).toBeGreaterThan(60);
    expect(fcr).toBeLessThan(90);
  });

  it('is busier on weekdays than at weekends, and in winter than in summer', async () => {
    const perDay = (where: string) =>
      db.scalar(`select count(*) / count(distinct opened_at::date) from raw.interactions where ${where}`);
    expect(await perDay('isodow(opened_at) < 6')).toBeGreaterThan(1.3 * (await perDay('isodow(opened_at) >= 6')));
    expect(await perDay('month(opened_at) in (12, 1)')).toBeGreaterThan(
      1.1 * (await perDay('month(opened_at) in (7, 8)'))
    );
  });

  it("answers the phone in the branch's local business hours", async () => {
    const [row] = await db.rows(`
      with local as (
          select timezone(b.timezone, i.opened_at::timestamptz) as local_at
          from raw.interactions as i join raw.branches as b using (branch_id)
          where i.channel = 'phone'
      )
      select min(hour(local_at) + minute(local_at) / 60) as first_hour, max(hour(local_at) + minute(local_at) / 60) as last_hour
      from local where isodow(local_at) < 6`);
    expect(row.first_hour).toBeGreaterThanOrEqual(8);
    expect(row.last_hour).toBeLessThan(20);
  });

  it('leaves some contacts open, mostly recent ones', async () => {
    const [row] = await db.rows(`
      select count(*) as open, count(*) filter (where opened_at >= date '${TEST_END}' - interval 30 day) as recent
      from raw.interactions where resolved_at is null`);
    expect(row.open).toBeGreaterThan(0);
    expect(Number(row.recent) / Number(row.open)).toBeGreaterThan(0.5);
  });

  it('has anonymous kiosk and QR ratings at branches', async () => {
    const rows = await db.rows(`
      select touchpoint, count(*) as n from raw.responses
      where touchpoint in ('kiosk', 'qr') and customer_id is null group by all order by touchpoint`);
    expect(rows.map((row) => row.touchpoint)).toEqual(['kiosk', 'qr']);
  });

  it('uses every channel, touchpoint, instrument, segment and region', async () => {
    const missing = await db.rows(`
      select 'channel' as kind, channel as value from ref_channels
      where channel not in (select channel from raw.interactions)
      union all
      select 'touchpoint', touchpoint from ref_touchpoints where touchpoint not in (select touchpoint from raw.responses)
      union all
      select 'instrument', instrument from ref_sli_mapping where instrument not in (select instrument from raw.responses)`);
    expect(missing).toEqual([]);
    expect(await db.scalar('select count(distinct segment) from raw.customers')).toBe(3);
    expect(await db.scalar('select count(distinct region) from raw.branches')).toBe(5);
  });

  it('keeps customers from before the window and acquires new ones during it', async () => {
    const [row] = await db.rows(`
      select avg((started_at < date '${TEST_END}' - interval 3 year)::integer) as existing,
             avg((monthly_revenue is null)::integer) as unknown_revenue
      from raw.customers`);
    expect(row.existing).toBeGreaterThan(0.4);
    expect(row.existing).toBeLessThan(0.8);
    expect(row.unknown_revenue).toBeGreaterThan(0);
    expect(row.unknown_revenue).toBeLessThan(0.05);
  });

  it('earns more from business customers than from consumers', async () => {
    const rows = await db.rows('select segment from raw.customers group by segment order by median(monthly_revenue)');
    expect(rows.map((row) => row.segment)).toEqual(['consumer', 'small_business', 'enterprise']);
  });

  const ratedCustomers = `
    select *, case instrument when 'nps_11' then score <= 6 when 'ces_7' then score < 4 else score < 3 end as negative
    from raw.responses where customer_id is not null`;

  it('follows up negative ratings far more often at some branches than at others', async () => {
    const coverage = await db.scalar(`
      with by_branch as (
          select branch_id, 100.0 * count(f.followup_id) / count(*) as coverage
          from (${ratedCustomers}) as r left join raw.followups as f using (response_id)
          where negative group by branch_id having count(*) >= 200
      )
      select max(coverage) - min(coverage) from by_branch`);
    expect(coverage).toBeGreaterThan(25);
  });

  it('calls back faster at some branches than at others', async () => {
    const [row] = await db.rows(`
      with by_branch as (
          select r.branch_id, median(epoch(f.first_contact_at - r.responded_at)) / 3600 as hours
          from raw.followups as f join raw.responses as r using (response_id)
          group by r.branch_id having count(f.first_contact_at) >= 50
      )
      select min(hours) as fastest, max(hours) as slowest from by_branch`);
    expect(row.fastest).toBeLessThan(24);
    expect(row.slowest).toBeGreaterThan(48);
  });

  it('leaves some negative ratings without a case, some customers unreached and recent cases open', async () => {
    const [row] = await db.rows(`
      select
          (select avg((f.followup_id is null)::integer)
           from (${ratedCustomers}) as r left join raw.followups as f using (response_id) where negative) as uncovered,
          avg((first_contact_at is null)::integer) as unreached,
          count(*) filter (where closed_at is null) as open,
          count(*) filter (where closed_at is null and opened_at >= date '${TEST_END}' - interval 30 day) as recent_open
      from raw.followups`);
    expect(row.uncovered).toBeGreaterThan(0.15);
    expect(row.uncovered).toBeLessThan(0.6);
    expect(row.unreached).toBeGreaterThan(0.03);
    expect(row.unreached).toBeLessThan(0.25);
    expect(Number(row.recent_open) / Number(row.open)).toBeGreaterThan(0.15);
  });

  it('keeps customers called back within 48 hours more often, and hears fewer complaints from them next time', async () => {
    // each customer's first negative rating, by whether and how fast it was followed up
    const rows = await db.rows(`
      with rated as (${ratedCustomers}),
      first_negative as (
          select customer_id, arg_min(response_id, (responded_at, response_id)) as response_id, min(responded_at) as responded_at
          from rated where negative group by customer_id
      ),
      grouped as (
          select
              n.*,
              c.ended_at,
              case
                  when f.followup_id is null then 'never'
                  when f.first_contact_at <= n.responded_at + interval 48 hour then 'within 48h'
              end as callback
          from first_negative as n
          join raw.customers as c using (customer_id)
          left join raw.followups as f using (response_id)
      ),
      next_rating as (
          select g.customer_id, arg_min(r.negative, (r.responded_at, r.response_id)) as negative
          from grouped as g
          join rated as r on r.customer_id = g.customer_id and r.responded_at > g.responded_at + interval 48 hour
          group by g.customer_id
      )
      select
          callback,
          avg(coalesce(ended_at <= responded_at + interval 90 day, false)::integer) as churned,
          avg(n.negative::integer) as next_negative
      from grouped left join next_rating as n using (customer_id)
      where callback is not null
      group by callback order by callback`);
    const [never, quick] = rows;
    expect(rows.map((row) => row.callback)).toEqual(['never', 'within 48h']);
    expect(Number(quick.churned)).toBeLessThan(0.8 * Number(never.churned));
    expect(Number(quick.next_negative)).toBeLessThan(0.8 * Number(never.next_negative));
  });

  it('leaks customers through the app at some branches, and the journey view finds it there and only there', async () => {
    // The warehouse model on top of the raw tables, and the journey query the service runs, over the last year.
    await buildModel(db.connection);
    const to = Date.parse(`${TEST_END}T00:00:00Z`);
    const { result } = await runJourney(
      db.connection,
      { groupBy: ['branch_id'], filters: {} },
      { from: to - 365 * 86_400_000, to }
    );
    const rows = journeyRecords(result);
    const leaking = new Set(
      branchIds(planSeed(seedOptionsSchema.parse({ scale: 0.5, seed: 1, end: TEST_END }))).filter((_, n) =>
        isLeakingBranch(n)
      )
    );
    expect(leaking.size).toBeGreaterThan(0);
    const atRisk = (row: (typeof rows)[number]) => Number(row.customers_at_risk ?? 0);
    const [top] = [...rows].sort((a, b) => atRisk(b) - atRisk(a));
    expect([top.touchpoint, leaking.has(String(top.branch_id))]).toEqual(['app', true]);
    const app = rows.filter((row) => row.touchpoint === 'app');
    for (const row of app.filter((r) => leaking.has(String(r.branch_id)))) {
      expect({ branch: row.branch_id, low: Number(row.churn_lift_low) > 0 }).toEqual({
        branch: row.branch_id,
        low: true,
      });
    }
    // Elsewhere the app is no leak: for most branches its interval includes no difference at all.
    const others = app.filter((row) => !leaking.has(String(row.branch_id)));
    const includesZero = others.filter((row) => Number(row.churn_lift_low) <= 0 && Number(row.churn_lift_high) >= 0);
    expect(includesZero.length).toBeGreaterThan(others.length / 2);
  });

  it('writes comments that agree with their score', async () => {
    const negative = sqlStringList([...comments.slow, ...comments.unresolved, ...comments.negative]);
    const positive = sqlStringList(comments.positive);
    const [row] = await db.rows(`
      select max(score) filter (where comment in (select unnest(${negative}))) as worst_negative,
             min(score) filter (where comment in (select unnest(${positive}))) as best_positive,
             count(comment) as commented
      from raw.responses where instrument = 'csat_5'`);
    expect(row.worst_negative).toBeLessThanOrEqual(2);
    expect(row.best_positive).toBeGreaterThanOrEqual(4);
    expect(row.commented).toBeGreaterThan(0);
  });
});
