import { readdirSync, rmSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { replaceDatabase } from '../warehouse/replaceDatabase';
import { loadDirectory } from './loadDirectory';
import { LoadRejectedError, type LoadReport, type Problem } from './loadReport';
import { copyValidFixture, editFile, sha256, tempDir, validFixture } from './testing/loadFixtures';

/**
 * Each class of bad input, one at a time, against a served warehouse: the
 * load must be rejected with a report that points at the right cell, and the
 * served file must not change by a byte.
 */
describe('a load that breaks the contract', () => {
  const servedDir = tempDir('load-served');
  const served = join(servedDir, 'warehouse.duckdb');
  const inputs: string[] = [];

  beforeAll(async () => {
    await replaceDatabase(served, async (connection) => {
      await loadDirectory(connection, validFixture);
    });
  });
  afterAll(() => [servedDir, ...inputs].forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  /** Breaks a copy of the valid fixture, loads it over the served file, and returns the report. */
  const rejectedReport = async (breakInput: (dir: string) => void): Promise<LoadReport> => {
    const input = copyValidFixture();
    inputs.push(input);
    breakInput(input);
    const before = sha256(served);
    const error = await replaceDatabase(served, async (connection) => {
      await loadDirectory(connection, input);
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LoadRejectedError);
    expect(sha256(served)).toBe(before);
    // Nothing but the warehouse and its load lock: no build file left behind.
    expect(readdirSync(servedDir)).toEqual(['warehouse.duckdb', 'warehouse.duckdb.load-lock']);
    return (error as LoadRejectedError).report;
  };

  const edit = (file: string, from: string, to: string) => (dir: string) => editFile(join(dir, file), from, to);

  const cases: Array<[string, (dir: string) => void, Problem]> = [
    [
      'a missing file',
      (dir) => unlinkSync(join(dir, 'interactions.csv')),
      {
        file: 'interactions.csv',
        line: null,
        column: null,
        value: 'interactions.csv, interactions.csv.gz, interactions.parquet',
        rule: 'missing file',
      },
    ],
    [
      'a missing column',
      edit('branches.csv', 'name,region,', 'name,area,'),
      { file: 'branches.csv', line: 1, column: 'region', value: null, rule: 'missing column' },
    ],
    [
      'an unparsable timestamp',
      edit('customers.csv', '2024-02-01 00:00:00', '2024-02-30 00:00:00'),
      { file: 'customers.csv', line: 3, column: 'started_at', value: '2024-02-30 00:00:00', rule: 'not a timestamp' },
    ],
    [
      'an unparsable number',
      edit('responses.csv', 'nps_11,9,', 'nps_11,nine,'),
      { file: 'responses.csv', line: 6, column: 'score', value: 'nine', rule: 'not a number' },
    ],
    [
      'an empty required value',
      edit('branches.csv', 'Mill Lane', ''),
      { file: 'branches.csv', line: 3, column: 'name', value: null, rule: 'empty required value' },
    ],
    [
      'an unknown branch',
      edit('customers.csv', 'C3,B1', 'C3,B7'),
      { file: 'customers.csv', line: 4, column: 'branch_id', value: 'B7', rule: 'unknown branch' },
    ],
    [
      'an unknown customer',
      edit('interactions.csv', 'I2,C2', 'I2,C9'),
      { file: 'interactions.csv', line: 3, column: 'customer_id', value: 'C9', rule: 'unknown customer' },
    ],
    [
      'an unknown interaction',
      edit('responses.csv', 'R2,B2,C2,I2', 'R2,B2,C2,I8'),
      { file: 'responses.csv', line: 3, column: 'interaction_id', value: 'I8', rule: 'unknown interaction' },
    ],
    [
      'a bad channel',
      edit('interactions.csv', 'phone', 'telephone'),
      { file: 'interactions.csv', line: 2, column: 'channel', value: 'telephone', rule: 'unknown channel' },
    ],
    [
      'a bad instrument',
      edit('responses.csv', 'smiley_5', 'smiley_7'),
      { file: 'responses.csv', line: 5, column: 'instrument', value: 'smiley_7', rule: 'unknown instrument' },
    ],
    [
      'a bad touchpoint',
      edit('responses.csv', 'kiosk', 'kiosk2'),
      { file: 'responses.csv', line: 5, column: 'touchpoint', value: 'kiosk2', rule: 'unknown touchpoint' },
    ],
    [
      'a score out of its instrument range',
      edit('responses.csv', 'csat_5,5,', 'csat_5,6,'),
      { file: 'responses.csv', line: 2, column: 'score', value: '6', rule: 'score out of range for csat_5 (1..5)' },
    ],
    [
      'a negative handle_seconds',
      edit('interactions.csv', ',900', ',-900'),
      { file: 'interactions.csv', line: 4, column: 'handle_seconds', value: '-900', rule: 'negative' },
    ],
    [
      'resolved_at before opened_at',
      edit('interactions.csv', '2024-05-03T10:15:00Z', '2024-05-03T09:15:00Z'),
      {
        file: 'interactions.csv',
        line: 4,
        column: 'resolved_at',
        value: '2024-05-03T09:15:00Z',
        rule: 'before opened_at',
      },
    ],
    [
      'ended_at before started_at',
      edit('customers.csv', '2024-06-30T23:59:59Z', '2024-01-31T23:59:59Z'),
      { file: 'customers.csv', line: 3, column: 'ended_at', value: '2024-01-31T23:59:59Z', rule: 'before started_at' },
    ],
    [
      'a follow-up on an unknown rating',
      edit('followups.csv', 'F2,R4', 'F2,R9'),
      { file: 'followups.csv', line: 3, column: 'response_id', value: 'R9', rule: 'unknown response' },
    ],
    [
      'a follow-up opened before its rating',
      edit('followups.csv', 'F1,R2,2024-05-03T09:00:00Z', 'F1,R2,2024-05-03T07:00:00Z'),
      {
        file: 'followups.csv',
        line: 2,
        column: 'opened_at',
        value: '2024-05-03T07:00:00Z',
        rule: 'before responses.responded_at',
      },
    ],
    [
      'a follow-up closed before it was opened',
      edit('followups.csv', '2024-05-04T10:00:00Z', '2024-05-03T08:59:59Z'),
      { file: 'followups.csv', line: 2, column: 'closed_at', value: '2024-05-03T08:59:59Z', rule: 'before opened_at' },
    ],
    [
      'a first contact before the case was opened',
      edit('followups.csv', '2024-05-03T15:30:00Z', '2024-05-02T15:30:00Z'),
      {
        file: 'followups.csv',
        line: 2,
        column: 'first_contact_at',
        value: '2024-05-02T15:30:00Z',
        rule: 'before opened_at',
      },
    ],
    [
      'an unparsable integer',
      edit('interactions.csv', ',540', ',9.5'),
      { file: 'interactions.csv', line: 2, column: 'handle_seconds', value: '9.5', rule: 'not an integer' },
    ],
    [
      'an unknown time zone',
      edit('branches.csv', 'Europe/Berlin', 'Europe/Atlantis'),
      { file: 'branches.csv', line: 2, column: 'timezone', value: 'Europe/Atlantis', rule: 'unknown time zone' },
    ],
  ];

  it.each(cases)(
    'rejects %s, names file, line, column, value and rule, and leaves the served file as it was',
    async (_name, breakInput, expected) => {
      const report = await rejectedReport(breakInput);
      expect(report.problems).toEqual([expected]);
      expect(report.total).toBe(1);
      expect(report.files).toEqual([{ file: expected.file, problems: 1 }]);
    }
  );

  it('rejects a duplicate id, naming every row that carries it', async () => {
    const report = await rejectedReport(edit('interactions.csv', 'I3,,B1', 'I2,,B1'));
    expect(report.problems).toEqual([
      { file: 'interactions.csv', line: 3, column: 'interaction_id', value: 'I2', rule: 'duplicate id' },
      { file: 'interactions.csv', line: 4, column: 'interaction_id', value: 'I2', rule: 'duplicate id' },
    ]);
  });

  it('rejects two follow-up cases on one rating, naming both', async () => {
    const report = await rejectedReport(edit('followups.csv', 'F2,R4', 'F2,R2'));
    expect(report.problems).toEqual([
      { file: 'followups.csv', line: 2, column: 'response_id', value: 'R2', rule: 'more than one case for the rating' },
      { file: 'followups.csv', line: 3, column: 'response_id', value: 'R2', rule: 'more than one case for the rating' },
    ]);
  });

  it('rejects a ragged CSV row by its physical line (after a value with a newline) and skips the rest of that file', async () => {
    const report = await rejectedReport(
      edit('responses.csv', '2024-05-04T12:00:00Z,', '2024-05-04T12:00:00Z,,surplus')
    );
    expect(report.problems).toEqual([
      {
        file: 'responses.csv',
        line: 5,
        column: null,
        value: 'R3,B1,,,kiosk,smiley_5,4,2024-05-04T12:00:00Z,,surplus',
        rule: 'csv: too many columns',
      },
    ]);
    expect(report.notes).toEqual([
      'responses.csv: other checks skipped until its CSV structure is fixed',
      'followups.csv: response_id not checked against responses, which could not be read completely',
      'followups.csv: opened_at not checked against responses.responded_at, which could not be read completely',
    ]);
  });

  it('does not check references into a file it could not read completely, and says so', async () => {
    const report = await rejectedReport((dir) => {
      editFile(join(dir, 'branches.csv'), 'B2,Mill Lane,,', 'B2,Mill Lane,');
      editFile(join(dir, 'customers.csv'), 'C3,B1', 'C3,B7');
    });
    expect(report.problems.map((p) => [p.file, p.line, p.rule])).toEqual([['branches.csv', 3, 'csv: missing columns']]);
    expect(report.notes).toEqual([
      'branches.csv: other checks skipped until its CSV structure is fixed',
      'customers.csv: branch_id not checked against branches, which could not be read completely',
      'interactions.csv: branch_id not checked against branches, which could not be read completely',
      'responses.csv: branch_id not checked against branches, which could not be read completely',
    ]);
  });

  it('reports problems in the contract order of files, then by line', async () => {
    const report = await rejectedReport((dir) => {
      editFile(join(dir, 'responses.csv'), 'csat_5,5,', 'csat_5,0,');
      editFile(join(dir, 'customers.csv'), '49.90', '-49.90');
      editFile(join(dir, 'branches.csv'), 'Station Road, Unit 4', '');
      editFile(join(dir, 'customers.csv'), 'C3,B1', 'C3,B7');
    });
    expect(report.problems.map((p) => `${p.file}:${p.line}:${p.column}`)).toEqual([
      'branches.csv:4:name',
      'customers.csv:2:monthly_revenue',
      'customers.csv:4:branch_id',
      'responses.csv:2:score',
    ]);
    expect(report.files).toEqual([
      { file: 'branches.csv', problems: 1 },
      { file: 'customers.csv', problems: 2 },
      { file: 'responses.csv', problems: 1 },
    ]);
  });
});
