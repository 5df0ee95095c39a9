import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runTouchpoint } from '../support/runTouchpoint';
import { withDatabase } from '@touchpoint/server/src/db/withDatabase';
import { readRows } from '@touchpoint/server/src/db/readRows';
import {
  copyValidFixture,
  editFile,
  sha256,
  tempDir,
  validFixture,
} from '@touchpoint/server/src/load/testing/loadFixtures';

const touchpoint = runTouchpoint;

const responsesTouchpoints = async (db: string) => {
  return withDatabase(db, { readOnly: true }, async (connection) =>
    (await readRows(connection, 'select touchpoint from raw.responses order by response_id')).map(
      (row) => row.touchpoint
    )
  );
};

describe('touchpoint load', () => {
  const dir = tempDir('load-cli');
  const db = join(dir, 'warehouse.duckdb');
  const inputs: string[] = [];
  afterAll(() => [dir, ...inputs].forEach((path) => rmSync(path, { recursive: true, force: true })));
  const brokenInput = () => {
    const input = copyValidFixture();
    inputs.push(input);
    editFile(join(input, 'responses.csv'), 'kiosk', 'pigeon');
    return input;
  };

  it('loads a directory, prints one summary line and exits 0', async () => {
    const { code, stdout, stderr } = await touchpoint('load', '--db', db, validFixture);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(
      /^loaded .*warehouse\.duckdb: branches 3, customers 3, interactions 3, responses 4, followups 2 \(15 rows in \d+\.\ds, [\d,]+ rows\/s; \d+\.\ds with the model\)\n$/
    );
    expect(await responsesTouchpoints(db)).toEqual(['after_service', 'email', 'kiosk', 'sms']);
  });

  it('rejects bad files with one line, then the report, exit 1, and the served file untouched', async () => {
    const before = sha256(db);
    const { code, stdout, stderr } = await touchpoint('load', '--db', db, brokenInput());
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const lines = stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('load rejected: 1 problem in responses.csv (see below)');
    expect(lines.slice(1)).toEqual([
      'file           line  column      value   rule',
      '-------------  ----  ----------  ------  ------------------',
      'responses.csv     5  touchpoint  pigeon  unknown touchpoint',
      '1 problem in all.',
    ]);
    expect(sha256(db)).toBe(before);
  });

  it('writes the report as JSON with --report', async () => {
    const report = join(dir, 'report.json');
    const { code } = await touchpoint('load', '--db', db, '--report', report, brokenInput());
    expect(code).toBe(1);
    expect(JSON.parse(readFileSync(report, 'utf8'))).toEqual({
      status: 'rejected',
      total: 1,
      problems: [{ file: 'responses.csv', line: 5, column: 'touchpoint', value: 'pigeon', rule: 'unknown touchpoint' }],
      files: [{ file: 'responses.csv', problems: 1 }],
      notes: [],
    });
  });

  it('accepts configured touchpoints with --touchpoints', async () => {
    const report = join(dir, 'loaded.json');
    const { code, stderr } = await touchpoint(
      'load',
      '--db',
      db,
      '--touchpoints',
      'pigeon, carrier',
      '--report',
      report,
      brokenInput()
    );
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(await responsesTouchpoints(db)).toEqual(['after_service', 'email', 'pigeon', 'sms']);
    expect(JSON.parse(readFileSync(report, 'utf8'))).toMatchObject({
      status: 'loaded',
      tables: [{ table: 'branches', rows: 3 }, {}, {}, {}, { table: 'followups', rows: 2 }],
    });
  });

  it('builds within --memory-limit; a build that needs more stops, says so, and leaves the served file', async () => {
    expect((await touchpoint('load', '--db', db, '--memory-limit', '64MB', validFixture)).code).toBe(0);
    const before = sha256(db);
    const { code, stdout, stderr } = await touchpoint('load', '--db', db, '--memory-limit', '16MB', validFixture);
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    // The machine's limit, not the files: no load report blaming them, and DuckDB's advice on SQL settings left out.
    expect(stderr).toMatch(
      /^touchpoint load: the build of .*warehouse\.duckdb needs more memory than --memory-limit 16MB allows: Out of Memory Error: [^\n]+; the served warehouse is unchanged\n$/
    );
    expect(sha256(db)).toBe(before);
    // Nothing of the failed build is left beside it: its file, WAL or spill directory.
    expect(readdirSync(dir).filter((name) => name.includes('.tmp'))).toEqual([]);
  });

  it.each([
    [['--db', join(dir, 'x.duckdb')], /^touchpoint load: DIR: expected one directory, got 0$/],
    [[validFixture], /^touchpoint load: --db: /],
    [
      ['--db', join(dir, 'x.duckdb'), join(dir, 'no-such-dir')],
      /^touchpoint load: DIR: .*no-such-dir is not a directory$/,
    ],
    [
      ['--db', join(dir, 'x.duckdb'), '--touchpoints', 'Pigeon Post', validFixture],
      /^touchpoint load: --touchpoints: expected names of lower-case/,
    ],
    [['--db', join(dir, 'x.duckdb'), '--format', 'csv', validFixture], /^touchpoint load: .*'--format'/],
    [
      ['--db', join(dir, 'x.duckdb'), '--memory-limit', 'lots', validFixture],
      /^touchpoint load: --memory-limit: expected a size such as 8GB or 512MB$/,
    ],
  ])('names the wrong option %j and exits 2', async (args, message) => {
    const { code, stderr } = await touchpoint('load', ...args);
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toMatch(message);
    expect(stderr.split('\n')[1]).toBe(
      'usage: touchpoint load --db FILE DIR [--append [--no-spare]] [--touchpoints a,b] [--report FILE] [--memory-limit SIZE]'
    );
    expect(existsSync(join(dir, 'x.duckdb'))).toBe(false);
  });
});
