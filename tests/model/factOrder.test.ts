import { seededDatabase, type SeededDatabase } from '@touchpoint/seed/src/testing/seededDatabase';
import { buildModel } from '@touchpoint/server/src/warehouse/buildModel';

// The facts are stored in time order so that a range's rows sit in few row groups (the service's edge
// days, the journey, an increment's bounded reads). Each sorts its rows before deriving half its columns
// from them (sql/models/20_interaction): the order must survive the select over the sorted rows, on
// enough rows (several row groups) for DuckDB to sort and write them on every thread.
describe('the facts are stored in time order', () => {
  let seeded: SeededDatabase;
  beforeAll(async () => {
    seeded = await seededDatabase({ scale: 0.3, seed: 2 });
    await buildModel(seeded.connection);
  }, 120_000);
  afterAll(() => seeded?.close());

  it.each([
    ['fct_interactions', 'opened_at', 'interaction_id'],
    ['fct_responses', 'responded_at', 'response_id'],
    ['fct_negative_ratings', 'responded_at', 'response_id'],
    ['fct_journey_ratings', 'responded_at', 'response_id'],
  ])('%s by %s, then its key', async (table, time, key) => {
    const [counts] = await seeded.rows(
      `select count(*) as n, count(*) filter (where previous_time > ${time}
         or (previous_time = ${time} and previous_key > ${key})) as out_of_order
       from (select ${time}, ${key}, lag(${time}) over w as previous_time, lag(${key}) over w as previous_key
             from ${table} window w as (order by rowid))`
    );
    expect(Number(counts.n)).toBeGreaterThan(table === 'fct_negative_ratings' ? 20_000 : 150_000);
    expect(Number(counts.out_of_order)).toBe(0);
  });
});
