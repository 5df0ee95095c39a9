import { seededDatabase, TEST_END, type SeededDatabase } from './testing/seededDatabase';

/**
 * Every rule of docs/data-contract.md as a query returning the rows that break
 * it (dbt's convention: an empty result is a pass), plus the promises the
 * seed makes on top: nothing outside the window or the customer's life.
 */
const contractRules: Record<string, string> = {
  'branch ids are unique and not empty': `
    select branch_id from raw.branches group by branch_id having count(*) > 1 or branch_id = ''`,
  'branch names are not empty': `select * from raw.branches where name is null or trim(name) = ''`,
  'branch time zones are IANA names': `
    select * from raw.branches where timezone not in (select name from pg_timezone_names())`,
  'customer ids are unique and not empty': `
    select customer_id from raw.customers group by customer_id having count(*) > 1 or customer_id = ''`,
  "a customer's home branch exists": `
    select * from raw.customers where branch_id not in (select branch_id from raw.branches)`,
  'a relationship does not end before it starts': `select * from raw.customers where ended_at < started_at`,
  'monthly revenue is not negative': `select * from raw.customers where monthly_revenue < 0`,
  'interaction ids are unique and not empty': `
    select interaction_id from raw.interactions group by interaction_id having count(*) > 1 or interaction_id = ''`,
  "an interaction's customer exists when given": `
    select * from raw.interactions where customer_id is not null and customer_id not in (select customer_id from raw.customers)`,
  "an interaction's branch exists": `
    select * from raw.interactions where branch_id not in (select branch_id from raw.branches)`,
  'channels come from ref_channels': `
    select * from raw.interactions where channel not in (select channel from ref_channels)`,
  'the first response is not before the opening': `select * from raw.interactions where first_response_at < opened_at`,
  'the resolution is not before the opening': `select * from raw.interactions where resolved_at < opened_at`,
  'handle seconds are not negative': `select * from raw.interactions where handle_seconds < 0`,
  'response ids are unique and not empty': `
    select response_id from raw.responses group by response_id having count(*) > 1 or response_id = ''`,
  "a response's branch exists": `
    select * from raw.responses where branch_id not in (select branch_id from raw.branches)`,
  "a response's customer exists when given": `
    select * from raw.responses where customer_id is not null and customer_id not in (select customer_id from raw.customers)`,
  "a response's interaction exists when given": `
    select * from raw.responses
    where interaction_id is not null and interaction_id not in (select interaction_id from raw.interactions)`,
  'touchpoints come from ref_touchpoints': `
    select * from raw.responses where touchpoint not in (select touchpoint from ref_touchpoints)`,
  "scores lie within their instrument's range": `
    select r.*
    from raw.responses as r
    left join (select distinct instrument, scale_min, scale_max from ref_sli_mapping) as m using (instrument)
    where m.instrument is null or r.score < m.scale_min or r.score > m.scale_max or r.score <> round(r.score)`,
  'follow-up ids are unique and not empty': `
    select followup_id from raw.followups group by followup_id having count(*) > 1 or followup_id = ''`,
  "a follow-up's rating exists": `
    select * from raw.followups where response_id not in (select response_id from raw.responses)`,
  'a rating has at most one follow-up case': `
    select response_id from raw.followups group by response_id having count(*) > 1`,
  'a case does not open before its rating': `
    select f.* from raw.followups as f join raw.responses as r using (response_id) where f.opened_at < r.responded_at`,
  'the first contact is not before the case opened': `select * from raw.followups where first_contact_at < opened_at`,
  'a case does not close before it opened': `select * from raw.followups where closed_at < opened_at`,
  'a case is closed after its first contact, when there was one': `select * from raw.followups where closed_at < first_contact_at`,
  'only negative ratings that name a customer get a case': `
    select f.*
    from raw.followups as f
    join raw.responses as r using (response_id)
    join (select distinct instrument, scale_min, scale_max from ref_sli_mapping) as m using (instrument)
    where r.customer_id is null
        or not (20.0 / (m.scale_max - m.scale_min) * (r.score - m.scale_min) - 10.0 < 0
            or r.instrument = 'nps_11' and r.score <= 6)`,
  'timestamps are whole seconds inside the three years before --end': `
    with stamps as (
        select started_at as ts from raw.customers where started_at >= date '${TEST_END}' - interval 3 year
        union all select ended_at from raw.customers
        union all select opened_at from raw.interactions
        union all select first_response_at from raw.interactions
        union all select resolved_at from raw.interactions
        union all select responded_at from raw.responses
        union all select opened_at from raw.followups
        union all select first_contact_at from raw.followups
        union all select closed_at from raw.followups
    )
    select * from stamps
    where ts < date '${TEST_END}' - interval 3 year or ts >= date '${TEST_END}' or ts <> date_trunc('second', ts)`,
  'no customer starts after the window': `select * from raw.customers where started_at >= date '${TEST_END}'`,
  "no contact or answer falls outside the customer's relationship": `
    with events as (
        select customer_id, opened_at as ts from raw.interactions where customer_id is not null
        union all select customer_id, first_response_at from raw.interactions where customer_id is not null
        union all select customer_id, resolved_at from raw.interactions where customer_id is not null
        union all select customer_id, responded_at from raw.responses where customer_id is not null
    )
    select *
    from events join raw.customers as c using (customer_id)
    where events.ts < c.started_at or events.ts > c.ended_at`,
  'an after-service answer belongs to the contact it rates': `
    select r.*
    from raw.responses as r
    left join raw.interactions as i using (interaction_id)
    where (r.touchpoint = 'after_service') <> (r.interaction_id is not null)
        or r.interaction_id is not null and (
            r.instrument not in ('csat_5', 'ces_7')
            or r.customer_id is distinct from i.customer_id
            or r.branch_id <> i.branch_id
            or r.responded_at < i.opened_at
        )`,
  'kiosk and QR ratings are anonymous, every other rating names its customer': `
    select * from raw.responses where (touchpoint in ('kiosk', 'qr')) = (customer_id is not null)`,
  'self-service contacts have no agent, no first response and no handle time': `
    select * from raw.interactions
    where channel = 'self_service' and (agent_id is not null or first_response_at is not null or handle_seconds is not null)`,
  "an agent works at the interaction's branch": `
    select * from raw.interactions where agent_id is not null and not starts_with(agent_id, branch_id || '-')`,
};

describe('generated data', () => {
  let db: SeededDatabase;

  beforeAll(async () => {
    db = await seededDatabase({ scale: 0.05, seed: 3 });
  });

  afterAll(() => db.close());

  it.each(Object.entries(contractRules))('keeps the rule: %s', async (_rule, sql) => {
    expect(await db.rows(`select * from (${sql}) limit 5`)).toEqual([]);
  });

  it('fills every table', async () => {
    expect(db.counts.branches).toBeGreaterThan(0);
    expect(db.counts.customers).toBeGreaterThan(0);
    expect(db.counts.interactions).toBeGreaterThan(0);
    expect(db.counts.responses).toBeGreaterThan(0);
    expect(db.counts.followups).toBeGreaterThan(0);
  });
});
