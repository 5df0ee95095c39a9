import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { runTouchpoint } from '../../support/runTouchpoint';
import { launchChromium } from './chromium';
import { serviceRows } from './serviceQuery';
import { startDemo, type RunningDemo } from './startDemo';

/** Where the e2e tests save their screenshots (git-ignored, rewritten each run). */
export const ARTIFACTS = join(__dirname, '..', 'artifacts');

export interface LiveDemo {
  /** The warehouse file the demo serves (a test may write a new one onto it). */
  readonly db: string;
  /** `touchpoint demo` on the test's warehouse; set once the describe block's beforeAll ran. */
  readonly demo: RunningDemo;
  readonly browser: Browser;
}

/**
 * For one describe block: a warehouse written by `fill`, `touchpoint demo`
 * (what `npm start` runs) serving it with the preview, and Chromium; all
 * stopped and removed after the block.
 */
export const useLiveDemo = (name: string, token: string, fill: (db: string) => Promise<void>): LiveDemo => {
  let dir: string | undefined;
  let db: string | undefined;
  let demo: RunningDemo | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), `touchpoint-e2e-${name}-`));
    mkdirSync(ARTIFACTS, { recursive: true });
    db = join(dir, `${name}.duckdb`);
    await fill(db);
    demo = await startDemo(db, token);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await demo?.stop();
    if (dir) {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) {
      throw new Error(`${what} is not running: use it inside the describe block's tests`);
    }
    return value;
  };
  return {
    get db() {
      return started(db, 'the warehouse');
    },
    get demo() {
      return started(demo, 'the demo');
    },
    get browser() {
      return started(browser, 'Chromium');
    },
  };
};

/** A warehouse of seeded demo data ending the day before `end`, as the dashboards' e2e tests share. */
export const seededWarehouse =
  (end: string) =>
  async (db: string): Promise<void> => {
    const seeded = await runTouchpoint('seed', '--db', db, '--scale', '0.05', '--seed', '11', '--end', end);
    if (seeded.code !== 0) {
      throw new Error(seeded.stderr);
    }
  };

/** A branch's name as the service has it, to check what a page shows against. */
export const branchNameOf = async (
  demo: RunningDemo,
  token: string,
  range: { from: number; to: number },
  branchId: string
): Promise<string> => {
  const [row] = await serviceRows(demo.serviceUrl, token, {
    ...range,
    queries: [
      {
        refId: 'A',
        kind: 'sql',
        format: 'table',
        sql: `select branch_name from dim_branches where branch_id = '${branchId.replace(/'/g, "''")}'`,
      },
    ],
  });
  return String(row.branch_name);
};
