import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTouchpoint } from '../support/runTouchpoint';
import { replaceDatabase } from '@touchpoint/server/src/warehouse/replaceDatabase';

const touchpoint = runTouchpoint;

describe('touchpoint sql', () => {
  const dir = mkdtempSync(join(tmpdir(), 'touchpoint-sql-'));
  const db = join(dir, 'warehouse.duckdb');
  beforeAll(async () => {
    await replaceDatabase(db, async (connection) => {
      await connection.run(`
        insert into raw.branches values ('B1', 'Harbour Street', 'North', null), ('B2', 'Mill Lane', 'South', null);
        insert into raw.responses values
          ('R1', 'B1', null, null, 'kiosk', 'smiley_5', 5, '2024-05-01 09:00', 'great, thanks'),
          ('R2', 'B2', null, null, 'kiosk', 'smiley_5', 2, '2024-05-01 10:00', null);
      `);
    });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints an aligned table by default', async () => {
    const { code, stdout } = await touchpoint(
      'sql',
      '--db',
      db,
      'select branch_id, sli from rel_branch_month order by branch_id'
    );
    expect(code).toBe(0);
    expect(stdout).toBe(
      ['branch_id  sli', '---------  ---', 'B1         100', 'B2         -50', '(2 rows)', ''].join('\n')
    );
  });

  it("expands metric('name') from the warehouse's catalog, as the service does", async () => {
    const { code, stdout } = await touchpoint(
      'sql',
      '--db',
      db,
      '--format',
      'json',
      "select branch_id, metric('sli') as sli, metric_n('sli') as n from agg_response_daily group by all order by 1"
    );
    expect(code).toBe(0);
    // One smiley each: 5 is Excellent (+10 points), 2 is Bad (-5): SLI 100 and -50, as rel_branch_month says.
    expect(JSON.parse(stdout)).toEqual([
      { branch_id: 'B1', sli: 100, n: 1 },
      { branch_id: 'B2', sli: -50, n: 1 },
    ]);
  });

  it('writes CSV and JSON for other programs, times as text', async () => {
    const csv = await touchpoint(
      'sql',
      '--db',
      db,
      '--format',
      'csv',
      'select response_id, responded_at, comment from fct_responses order by 1'
    );
    expect(csv.stdout).toBe(
      'response_id,responded_at,comment\nR1,2024-05-01 09:00:00,"great, thanks"\nR2,2024-05-01 10:00:00,\n'
    );
    const json = await touchpoint(
      'sql',
      '--db',
      db,
      '--format',
      'json',
      "select name, unit from metric_catalog where name in ('sli', 'csat') order by name"
    );
    expect(JSON.parse(json.stdout)).toEqual([
      { name: 'csat', unit: 'percent' },
      { name: 'sli', unit: 'index' },
    ]);
  });

  it('opens the warehouse read-only: a write fails with one clear line and exit 1', async () => {
    const { code, stderr } = await touchpoint('sql', '--db', db, 'delete from raw.branches');
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^touchpoint sql: .*read-only/i);
  });

  it('names a wrong option and shows the usage, exit 2', async () => {
    const { code, stderr } = await touchpoint('sql', '--db', db, '--format', 'xml', 'select 1');
    expect(code).toBe(2);
    expect(stderr).toMatch(/--format/);
    expect(stderr).toMatch(/usage: touchpoint sql --db FILE/);
  });

  it('says where to get a warehouse when the file does not exist', async () => {
    const { code, stderr } = await touchpoint('sql', '--db', join(dir, 'missing.duckdb'), 'select 1');
    expect(code).toBe(1);
    expect(stderr).toMatch(/no warehouse at .*missing\.duckdb/);
  });
});
