import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { formatReport } from './formatReport';
import { loadDirectory } from './loadDirectory';
import { LoadRejectedError, reportLimit, type LoadReport } from './loadReport';
import { copyValidFixture, editFile, withRawDatabase } from './testing/loadFixtures';

const rejectedReport = async (dir: string): Promise<LoadReport> => {
  const error = await withRawDatabase((connection) => loadDirectory(connection, dir)).catch(
    (caught: unknown) => caught
  );
  expect(error).toBeInstanceOf(LoadRejectedError);
  return (error as LoadRejectedError).report;
};

describe('the load report', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const input = () => {
    const dir = copyValidFixture();
    dirs.push(dir);
    return dir;
  };

  it('lists the first 100 problems in line order and counts all of them', async () => {
    const dir = input();
    const rows = Array.from({ length: 150 }, (_, i) => `X${i},B1,,,kiosk,csat_5,9,2024-05-06T10:00:00Z,\n`);
    appendFileSync(join(dir, 'responses.csv'), rows.join(''));
    const report = await rejectedReport(dir);
    expect(report.total).toBe(150);
    expect(report.problems).toHaveLength(reportLimit);
    // The fixture's responses end on line 6 (one comment spans two lines).
    expect(report.problems[0]).toEqual({
      file: 'responses.csv',
      line: 7,
      column: 'score',
      value: '9',
      rule: 'score out of range for csat_5 (1..5)',
    });
    expect(report.problems.map((p) => p.line)).toEqual(Array.from({ length: reportLimit }, (_, i) => i + 7));
    expect(report.files).toEqual([{ file: 'responses.csv', problems: 150 }]);
  });

  it('counts lines in a gzip-compressed, CRLF file with a byte order mark like in a plain one', async () => {
    const dir = input();
    const text = readFileSync(join(dir, 'responses.csv'), 'utf8').replace('sms,nps_11', 'post,nps_11');
    writeFileSync(join(dir, 'responses.csv.gz'), gzipSync(`\uFEFF${text.replaceAll('\n', '\r\n')}`));
    rmSync(join(dir, 'responses.csv'));
    const report = await rejectedReport(dir);
    expect(report.problems).toEqual([
      { file: 'responses.csv.gz', line: 6, column: 'touchpoint', value: 'post', rule: 'unknown touchpoint' },
    ]);
  });

  it('finds the physical line of a malformed row after quoted newlines, in CRLF too', async () => {
    const dir = input();
    editFile(join(dir, 'responses.csv'), 'Would recommend', '"Would recommend');
    const text = readFileSync(join(dir, 'responses.csv'), 'utf8');
    writeFileSync(join(dir, 'responses.csv'), text.replaceAll('\n', '\r\n'));
    const report = await rejectedReport(dir);
    expect(report.problems.map((p) => [p.line, p.column, p.rule])).toEqual([[6, 'comment', 'csv: unquoted value']]);
  });

  it('refuses two files for one table rather than picking one', async () => {
    const dir = input();
    writeFileSync(join(dir, 'branches.parquet'), '');
    const report = await rejectedReport(dir);
    expect(report.problems).toEqual([
      {
        file: 'branches.csv',
        line: null,
        column: null,
        value: 'branches.csv, branches.parquet',
        rule: 'more than one file for the table',
      },
    ]);
  });

  it('reports a file it cannot read as one problem', async () => {
    const dir = input();
    rmSync(join(dir, 'customers.csv'));
    writeFileSync(join(dir, 'customers.parquet'), 'not parquet at all');
    const report = await rejectedReport(dir);
    expect(report.problems[0]).toMatchObject({
      file: 'customers.parquet',
      line: null,
      column: null,
      rule: 'unreadable file',
    });
    expect(report.notes).toContain(
      'interactions.csv: customer_id not checked against customers, which could not be read completely'
    );
  });

  it('prints as an aligned table with the total and the notes', () => {
    const text = formatReport({
      problems: [
        { file: 'responses.csv', line: 12, column: 'score', value: '6', rule: 'score out of range for csat_5 (1..5)' },
        { file: 'responses.csv', line: 130, column: 'comment', value: 'two\nlines', rule: 'csv: unquoted value' },
      ],
      total: 150,
      files: [{ file: 'responses.csv', problems: 150 }],
      notes: ['responses.csv: other checks skipped until its CSV structure is fixed'],
    });
    expect(text.split('\n')).toEqual([
      'file           line  column   value       rule',
      '-------------  ----  -------  ----------  ------------------------------------',
      'responses.csv    12  score    6           score out of range for csat_5 (1..5)',
      'responses.csv   130  comment  two\\nlines  csv: unquoted value',
      '150 problems in all; the first 2 are shown.',
      'note: responses.csv: other checks skipped until its CSV structure is fixed',
    ]);
  });
});
