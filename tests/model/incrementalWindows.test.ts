import { appendFileSync, cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readRows } from '@touchpoint/server/src/db/readRows';
import { withDatabase } from '@touchpoint/server/src/db/withDatabase';
import { tempDir, validFixture } from '@touchpoint/server/src/load/testing/loadFixtures';
import { appendWarehouse } from '@touchpoint/server/src/warehouse/appendWarehouse';
import { loadFull, readWarehouse } from '../support/fullLoad';

// An increment rebuilds a customer's rows from one look-ahead window before a change on, not their whole
// history: the FCR window (7 days) for contacts, the recovery window (90 days) for negative ratings. These
// fixtures put rows on both sides of that line; each case fails when the window is not looked back over.

type Table = 'interactions' | 'responses' | 'followups';
type Rows = Partial<Record<Table, string[]>>;

const header: Record<Table, string> = {
  interactions:
    'interaction_id,customer_id,branch_id,channel,agent_id,topic,opened_at,first_response_at,resolved_at,handle_seconds',
  responses: 'response_id,branch_id,customer_id,interaction_id,touchpoint,instrument,score,responded_at,comment',
  followups: 'followup_id,response_id,opened_at,first_contact_at,closed_at,owner,root_cause',
};
const contact = (id: string, customer: string, branch: string, topic: string, opened: string) =>
  `${id},${customer},${branch},phone,A7,${topic},${opened}T09:00:00Z,${opened}T09:05:00Z,${opened}T10:00:00Z,300`;
const rating = (id: string, branch: string, customer: string, interaction: string, score: number, at: string) =>
  `${id},${branch},${customer},${interaction},after_service,csat_5,${score},${at}T12:00:00Z,`;
const followup = (id: string, response: string, opened: string, closed: string) =>
  `${id},${response},${opened}T13:00:00Z,,${closed ? `${closed}T10:00:00Z` : ''},Desk,`;

const idOf = (line: string) => line.split(',')[0];

/** Writes base, increment and their merge (what a full load reads) beside the valid fixture. */
const writeCase = (dir: string, base: Rows, increment: Rows) => {
  const dirs = { base: join(dir, 'base'), full: join(dir, 'full'), increment: join(dir, 'increment') };
  cpSync(validFixture, dirs.base, { recursive: true });
  cpSync(validFixture, dirs.full, { recursive: true });
  mkdirSync(dirs.increment, { recursive: true });
  for (const table of Object.keys(header) as Table[]) {
    const added = increment[table] ?? [];
    const replaced = new Set(added.map(idOf));
    const merged = [...(base[table] ?? []).filter((line) => !replaced.has(idOf(line))), ...added];
    for (const [folder, lines] of [
      [dirs.base, base[table] ?? []],
      [dirs.full, merged],
    ] as const) {
      if (lines.length > 0) {
        appendFileSync(join(folder, `${table}.csv`), `${lines.join('\n')}\n`);
      }
    }
    if (added.length > 0) {
      writeFileSync(join(dirs.increment, `${table}.csv`), `${header[table]}\n${added.join('\n')}\n`);
    }
  }
  return dirs;
};

const readColumn = (db: string, sql: string) =>
  withDatabase(db, { readOnly: true }, async (connection) =>
    Object.fromEntries((await readRows(connection, sql)).map((row) => [String(row.id), row.value]))
  );

/** Base + increment against a full load of the merged files: `read` by hand, and every relation's hash. */
const appendAgainstFull = async (dir: string, dirs: ReturnType<typeof writeCase>, read: string) => {
  const appended = join(dir, 'appended.duckdb');
  const full = join(dir, 'full.duckdb');
  await loadFull(appended, dirs.base);
  const before = await readColumn(appended, read);
  await appendWarehouse(appended, dirs.increment);
  await loadFull(full, dirs.full);
  const expected = await readColumn(full, read);
  expect(await readColumn(appended, read)).toEqual(expected);
  expect((await readWarehouse(appended)).hashes).toEqual((await readWarehouse(full)).hashes);
  return { before, after: expected };
};

describe('an increment rebuilds the rows whose look-ahead window a change reaches', () => {
  const root = tempDir('increment-windows');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('contacts within the FCR window: equal to a full load, FCR flipped both ways', async () => {
    const dir = join(root, 'fcr');
    const dirs = writeCase(
      dir,
      {
        interactions: [
          contact('I10', 'C1', 'B1', 'billing', '2024-06-01'), // repeated by I11 two days later
          contact('I11', 'C1', 'B1', 'billing', '2024-06-03'),
          contact('I12', 'C1', 'B1', 'billing', '2024-06-20'), // repeated by I13
          contact('I13', 'C1', 'B1', 'billing', '2024-06-25'),
          contact('I20', 'C2', 'B2', 'delivery', '2024-06-01'), // repeated by I21, exactly the window later
          contact('I21', 'C2', 'B2', 'delivery', '2024-06-08'),
        ],
      },
      {
        interactions: [
          contact('I11', 'C1', 'B1', 'delivery', '2024-06-03'), // another topic now: I10 was resolved first
          contact('I15', 'C1', 'B1', 'billing', '2024-06-30'), // repeats I13, five days before it
        ],
        // A rating of I20 changes only I20's row, rebuilt with the contact that repeats it.
        responses: [rating('R20', 'B2', 'C2', 'I20', 2, '2024-06-02')],
      }
    );
    const { before, after } = await appendAgainstFull(
      dir,
      dirs,
      "select interaction_id as id, fcr_resolved_first as value from fct_interactions where interaction_id similar to 'I[12][0-9]'"
    );
    expect(before).toEqual({ I10: 0, I11: 1, I12: 0, I13: 1, I20: 0, I21: 1 });
    // By hand: I10 is no longer repeated on its topic, I13 now is (by I15).
    expect(after).toEqual({ I10: 1, I11: 1, I12: 0, I13: 0, I15: 1, I20: 0, I21: 1 });
  });

  it('negative ratings within the recovery window: equal to a full load, by a new rating and a case closed', async () => {
    const dir = join(root, 'recovery');
    const dirs = writeCase(
      dir,
      {
        responses: [
          rating('R10', 'B1', 'C1', '', 1, '2024-01-01'), // its case closed long before any later rating
          rating('R11', 'B1', 'C1', '', 1, '2024-06-01'), // next rating 121 days after its case: none within 90
          rating('R12', 'B1', 'C1', '', 5, '2024-10-01'),
          rating('R13', 'B2', 'C2', '', 1, '2024-06-01'), // its case still open
          rating('R14', 'B2', 'C2', '', 5, '2024-06-10'),
        ],
        followups: [
          followup('F10', 'R10', '2024-01-01', '2024-01-02'),
          followup('F11', 'R11', '2024-06-01', '2024-06-02'),
          followup('F13', 'R13', '2024-06-01', ''),
        ],
      },
      {
        // A rating 29 days after R11's case closed recovers it; R10's case closed 181 days before it.
        responses: [rating('R15', 'B1', 'C1', '', 5, '2024-07-01')],
        // R13's case closes: R14, nine days after its rating, is now its first rating after the case.
        followups: [followup('F13', 'R13', '2024-06-01', '2024-06-05')],
      }
    );
    const { before, after } = await appendAgainstFull(
      dir,
      dirs,
      "select response_id as id, next_response_id as value from fct_negative_ratings where response_id similar to 'R1[0-9]'"
    );
    expect(before).toEqual({ R10: null, R11: null, R13: null });
    expect(after).toEqual({ R10: null, R11: 'R15', R13: 'R14' });
  });
});
