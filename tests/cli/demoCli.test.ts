import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTouchpoint, runTouchpointWithEnv } from '../support/runTouchpoint';

describe('touchpoint demo (npm start)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'touchpoint-demo-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('seeds a warehouse on first run, then prints its period, contents and a scorecard per branch', async () => {
    const db = join(dir, 'data', 'demo.duckdb');
    const first = await runTouchpoint('demo', '--db', db, '--scale', '0.1', '--no-serve');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/No warehouse at .* yet: seeding demo data/);
    expect(existsSync(db)).toBe(true);
    expect(first.stdout).toMatch(/data from \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}/);
    expect(first.stdout).toMatch(/raw\.interactions\s+\d+/);
    const scorecard = first.stdout.slice(first.stdout.indexOf('region'));
    expect(scorecard.split('\n')[0].split(/\s{2,}/)).toEqual([
      'region',
      'branch',
      'SLI',
      'NPS',
      'churn %',
      'CSAT %',
      'FCR %',
    ]);
    expect(scorecard).toMatch(/\(\d+ rows?\)/);

    const second = await runTouchpoint('demo', '--db', db, '--no-serve');
    expect(second.stdout).not.toMatch(/seeding/);
    expect(second.stdout).toContain(scorecard.split('\n')[2]);
  });
});

describe('touchpoint demo options', () => {
  it('names an unusable preview port from the environment before any work, as a usage error', async () => {
    const outcome = await runTouchpointWithEnv(
      { TOUCHPOINT_PREVIEW_PORT: 'seventy' },
      'demo',
      '--db',
      join(tmpdir(), 'never-made.duckdb')
    );
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(/^touchpoint demo: --preview-port: /);
    expect(outcome.stdout).not.toMatch(/seeding/);
  });
});
