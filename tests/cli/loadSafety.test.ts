import { spawn, type ChildProcess } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sha256 } from '@touchpoint/server/src/load/testing/loadFixtures';
import { buildPath } from '@touchpoint/server/src/warehouse/leftoverFiles';
import { runTouchpoint } from '../support/runTouchpoint';

const cli = join(__dirname, '..', '..', 'bin', 'touchpoint.js');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Running {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

/** `touchpoint load` in its own process, as cron or a person runs it; `shell` wraps it (for ulimit). */
const startLoad = (db: string, dir: string, shell?: string): Running => {
  const command = `exec node ${cli} load --db ${db} ${dir}`;
  const child = shell ? spawn('bash', ['-c', `${shell}; ${command}`]) : spawn('node', [cli, 'load', '--db', db, dir]);
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += String(chunk)));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, stderr }))
  );
  return { child, exited };
};

/** Waits until the load has written part of its new file: it is midway. */
const midway = async (db: string, pid: number) => {
  const building = buildPath(db, pid);
  const deadline = Date.now() + 60_000;
  while (!(existsSync(building) && statSync(building).size > 1024 * 1024)) {
    if (Date.now() > deadline) {
      throw new Error(`the load never started writing ${building}`);
    }
    await sleep(20);
  }
};

const branchCount = async (db: string) => {
  const { code, stdout, stderr } = await runTouchpoint(
    'sql',
    '--db',
    db,
    '--format',
    'csv',
    'select count(*) as n from raw.branches'
  );
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  return Number(stdout.trim().split('\n')[1]);
};

describe('touchpoint load never leaves a half-done warehouse or its leftovers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'touchpoint-load-safety-'));
  const exportDir = join(dir, 'export');
  const db = join(dir, 'cx.duckdb');
  const pristine = join(dir, 'pristine.keep');

  beforeAll(async () => {
    // The served warehouse is small; the export to load is larger, so a load takes long enough to stop midway.
    const seeded = await runTouchpoint(
      'seed',
      '--db',
      join(dir, 'big.duckdb'),
      '--scale',
      '0.3',
      '--end',
      '2026-06-01',
      '--out',
      exportDir
    );
    expect(seeded.code).toBe(0);
    rmSync(join(dir, 'big.duckdb'));
    rmSync(join(dir, 'big.duckdb.load-lock'));
    expect((await runTouchpoint('seed', '--db', db, '--scale', '0.01', '--end', '2026-06-01')).code).toBe(0);
    copyFileSync(db, pristine);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const leftovers = () => readdirSync(dir).filter((name) => /^cx\.duckdb\.tmp-/.test(name));
  /** A load's own build files (`cx.duckdb.tmp-<pid>` and its log), not the look-alikes. */
  const buildFiles = () => leftovers().filter((name) => /^cx\.duckdb\.tmp-\d+(\.wal)?$/.test(name));
  /** The pristine small warehouse served again, and a large load into it, caught midway. */
  const loadMidway = async () => {
    copyFileSync(pristine, db);
    const load = startLoad(db, exportDir);
    await midway(db, load.child.pid ?? 0);
    return load;
  };

  it('a killed load leaves the served file byte-identical, and the next load removes only what it left', async () => {
    const before = sha256(db);
    const killed = startLoad(db, exportDir);
    await midway(db, killed.child.pid ?? 0);
    killed.child.kill('SIGKILL');
    expect((await killed.exited).signal).toBe('SIGKILL');
    expect(sha256(db)).toBe(before);
    expect(leftovers()).toContain(`cx.duckdb.tmp-${killed.child.pid}`);
    // What DuckDB leaves when a killed build had spilled: its temp directory, named after the build file.
    const spilled = `cx.duckdb.tmp-${killed.child.pid}.tmp`;
    mkdirSync(join(dir, spilled), { recursive: true });
    writeFileSync(join(dir, spilled, 'duckdb_temp_storage_DEFAULT-0.tmp'), Buffer.alloc(4096));

    // Files that only look alike are someone else's.
    const strangers = ['cx.duckdb.tmp-notes.txt', 'cx.duckdb.bak', 'other.duckdb.tmp-123', 'cx.duckdb.tmp-12.csv'];
    for (const name of strangers) {
      writeFileSync(join(dir, name), 'not the loader’s');
    }

    const next = await runTouchpoint('load', '--db', db, exportDir);
    expect(next.code).toBe(0);
    expect(next.stderr).toContain(`removed cx.duckdb.tmp-${killed.child.pid}`);
    expect(next.stderr).toContain(spilled);
    expect(next.stderr).toContain('left by an earlier load');
    expect(leftovers().sort()).toEqual(['cx.duckdb.tmp-12.csv', 'cx.duckdb.tmp-notes.txt']);
    for (const name of strangers) {
      expect(readFileSync(join(dir, name), 'utf8')).toBe('not the loader’s');
    }
    expect(await branchCount(db)).toBe(6);
  });

  it('a load stopped with Ctrl+C or SIGTERM removes its own file before it ends', async () => {
    const before = sha256(pristine);
    const stopped = await loadMidway();
    stopped.child.kill('SIGTERM');
    expect((await stopped.exited).signal).toBe('SIGTERM');
    expect(sha256(db)).toBe(before);
    expect(buildFiles()).toEqual([]);
  });

  it('of two loads at once, one runs and the other stops at once with one clear line', async () => {
    const first = await loadMidway();
    const second = await runTouchpoint('load', '--db', db, exportDir);
    expect(second.code).toBe(1);
    expect(second.stderr).toBe(
      `touchpoint load: another load into ${db} is running (process ${first.child.pid}); wait for it to finish, or stop it, and run this one again\n`
    );
    const done = await first.exited;
    expect({ code: done.code, stderr: done.stderr }).toEqual({ code: 0, stderr: '' });
    // The swapped file is the first load's, whole.
    expect(await branchCount(db)).toBe(6);
    expect(buildFiles()).toEqual([]);
  });

  it('a load into a directory without space fails cleanly and leaves the old warehouse untouched', async () => {
    copyFileSync(pristine, db);
    const before = sha256(db);
    // ulimit -f caps every file the process writes (in KiB): the new warehouse cannot reach its size.
    const full = startLoad(db, exportDir, 'ulimit -f 4096');
    const done = await full.exited;
    expect(done.code).toBe(1);
    expect(done.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^touchpoint load: not enough space to build the new warehouse beside .*cx\.duckdb: /),
    ]);
    expect(sha256(db)).toBe(before);
    expect(buildFiles()).toEqual([]);
    expect(await branchCount(db)).toBe(3);
  });
});
