import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { z } from 'zod';
import { queryResponseSchema } from '@touchpoint/contract/src/queryRequest';
import { healthSchema } from '@touchpoint/contract/src/serviceResponses';
import { printTable } from '../bench/printTable';
import { formatNumber, percentile } from '../bench/stats';
import { startServiceProcess } from '../support/serviceProcess';
import { wallScreenRequests } from './wallScreenRequests';

const run = promisify(execFile);
const cli = join(__dirname, '..', '..', 'bin', 'touchpoint.js');

const optionsSchema = z.object({
  screens: z.coerce.number().int().positive().default(100),
  refreshSeconds: z.coerce.number().positive().default(10),
  minutes: z.coerce.number().positive().default(10),
  loadEverySeconds: z.coerce.number().positive().default(60),
  scale: z.coerce.number().positive().default(1),
});

/** The targets the soak must meet; it exits 1 when one is missed. */
const targets = { errors: 0, p99Ms: 500, rssGrowth: 0.1 };

const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `npm run soak`: wall screens on the provisioned leadership and operations
 * dashboards refresh against `touchpoint serve` while `touchpoint seed`
 * writes a new warehouse every minute, as a nightly load would (only more
 * often). It prints requests, errors, latency, how fast each load was
 * picked up, and the service's memory at the start and the end.
 */
const main = async () => {
  const { values } = parseArgs({
    options: {
      screens: { type: 'string' },
      'refresh-seconds': { type: 'string' },
      minutes: { type: 'string' },
      'load-every-seconds': { type: 'string' },
      scale: { type: 'string' },
    },
  });
  const options = optionsSchema.parse({
    screens: values.screens,
    refreshSeconds: values['refresh-seconds'],
    minutes: values.minutes,
    loadEverySeconds: values['load-every-seconds'],
    scale: values.scale,
  });
  const dir = mkdtempSync(join(tmpdir(), 'touchpoint-soak-'));
  const db = join(dir, 'cx.duckdb');
  const seed = (n: number) =>
    run('node', [cli, 'seed', '--db', db, '--scale', String(options.scale), '--seed', String(n)]);
  process.stdout.write(
    `Touchpoint soak: ${options.screens} wall screens refreshing every ${options.refreshSeconds} s for ${options.minutes} min, a new warehouse (scale ${options.scale}) every ${options.loadEverySeconds} s\n`
  );
  await seed(1);
  const service = await startServiceProcess(db);
  // The branch and region pickers at All, as Grafana expands them: every value.
  const allOf = async (sql: string) => {
    const answer = await fetch(`${service.url}/api/query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: 0, to: Date.now(), queries: [{ refId: 'A', kind: 'sql', sql }] }),
    });
    return queryResponseSchema.parse(await answer.json()).results.A.frames[0].data.values[0].map(String);
  };
  const pickers: Record<string, string[]> = {
    branch: await allOf('select branch_id from raw.branches order by 1'),
    region: await allOf('select distinct region from raw.branches order by 1'),
  };
  const panels = wallScreenRequests(['touchpoint-leadership', 'touchpoint-service'], (name) => pickers[name]);
  const byDashboard = (uid: string) => panels.filter((p) => p.dashboard === uid);
  const health = async () => healthSchema.parse(await (await fetch(`${service.url}/api/health`)).json());

  const latencies: number[] = [];
  const errors = new Map<string, number>();
  const fail = (what: string) => errors.set(what, (errors.get(what) ?? 0) + 1);
  const endAt = Date.now() + options.minutes * 60_000;
  let startRss = 0;

  /** One screen: every panel of its dashboard at once, as Grafana refreshes a dashboard, every refresh interval. */
  const screen = async (index: number) => {
    const own = byDashboard(index % 2 === 0 ? 'touchpoint-leadership' : 'touchpoint-service');
    // Screens are switched on over one refresh interval, not all in the same millisecond.
    await sleep((index / options.screens) * options.refreshSeconds * 1000);
    while (Date.now() < endAt) {
      const refreshAt = Date.now();
      await Promise.all(
        own.map(async (panel) => {
          const started = performance.now();
          try {
            const response = await fetch(`${service.url}/api/query`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip' },
              body: JSON.stringify(panel.body(Date.now())),
            });
            const body = queryResponseSchema.parse(await response.json());
            for (const result of Object.values(body.results)) {
              if (result.error) {
                fail(`${panel.panel}: ${result.error.code}: ${result.error.message}`);
              }
            }
            if (response.status !== 200) {
              fail(`${panel.panel}: HTTP ${response.status}`);
            }
          } catch (error) {
            fail(`${panel.panel}: ${String(error)}`);
          }
          latencies.push(performance.now() - started);
        })
      );
      await sleep(Math.max(0, refreshAt + options.refreshSeconds * 1000 - Date.now()));
    }
  };

  /** A new warehouse every interval, and how long the service took to serve it. */
  const loads: Array<{ seconds: number; pickupMs: number }> = [];
  const loader = async () => {
    const started = Date.now();
    // Each load starts on its minute, however long the one before took.
    for (let n = 2; started + (n - 1) * options.loadEverySeconds * 1000 < endAt; n += 1) {
      await sleep(Math.max(0, started + (n - 1) * options.loadEverySeconds * 1000 - Date.now()));
      const before = (await health()).dataVersion;
      const began = performance.now();
      await seed(n);
      const written = performance.now();
      while ((await health()).dataVersion === before && performance.now() - written < 60_000) {
        await sleep(50);
      }
      loads.push({ seconds: (written - began) / 1000, pickupMs: performance.now() - written });
    }
  };

  const screens = Array.from({ length: options.screens }, (_, i) => screen(i));
  const loading = loader();
  // Memory at the start: once every screen has refreshed once and the service is warm.
  await sleep(options.refreshSeconds * 1000 * 1.5);
  startRss = rssMb(service.pid);
  await Promise.all([...screens, loading]);
  const endRss = rssMb(service.pid);
  const finalHealth = await health();
  await service.stop();
  rmSync(dir, { recursive: true, force: true });

  const errorCount = [...errors.values()].reduce((a, b) => a + b, 0);
  const p99 = percentile(latencies, 0.99);
  const growth = (endRss - startRss) / startRss;
  printTable(
    'Soak',
    ['figure', 'value', 'target'],
    [
      ['requests (panels refreshed)', latencies.length, ''],
      ['errors', errorCount, String(targets.errors)],
      ['p50 ms', formatNumber(percentile(latencies, 0.5)), ''],
      ['p99 ms', formatNumber(p99), `<= ${targets.p99Ms}`],
      ['max ms', formatNumber(Math.max(...latencies)), ''],
      ['loads swapped in', `${loads.length} (service counted ${finalHealth.load.swaps})`, ''],
      [
        'load time, s (median)',
        formatNumber(
          percentile(
            loads.map((l) => l.seconds),
            0.5
          )
        ),
        '',
      ],
      [
        'picked up after, ms (max)',
        formatNumber(Math.max(...loads.map((l) => l.pickupMs), 0)),
        `<= watch interval + open`,
      ],
      ['RSS start MB', formatNumber(startRss), ''],
      ['RSS end MB', formatNumber(endRss), ''],
      ['RSS growth', `${formatNumber(growth * 100)}%`, `< ${targets.rssGrowth * 100}%`],
    ]
  );
  for (const [what, count] of errors) {
    process.stdout.write(`error x${count}: ${what}\n`);
  }
  const met =
    errorCount <= targets.errors &&
    p99 <= targets.p99Ms &&
    growth < targets.rssGrowth &&
    loads.length === finalHealth.load.swaps;
  process.stdout.write(met ? 'soak: every target met\n' : 'soak: a target was missed\n');
  process.exitCode = met ? 0 : 1;
};

void main();
