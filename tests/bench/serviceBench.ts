import type { DuckDBConnection } from '@duckdb/node-api';
import { Agent, request as httpRequest } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { readCatalogTable } from '@touchpoint/server/src/catalog/metricCatalog';
import { DAY_MS, floorDay } from '@touchpoint/contract/src/timeRange';
import { printTable } from './printTable';
import { panelFloor } from './panelFloor';
import { startServiceProcess } from '../support/serviceProcess';
import { wallScreenRequests, type PanelRequest } from '../soak/wallScreenRequests';
import { formatNumber, median, percentile, timed } from './stats';
import { serviceDuration } from '@touchpoint/server/src/service/serverTiming';

const dashboards = ['touchpoint-leadership', 'touchpoint-service'];

/** What the curve keeps of one service run. */
export interface ServiceFigures {
  /** Service time (Server-Timing) over every panel request. */
  uncached: { p50: number; p95: number };
  cached: { p50: number; p95: number };
  /** 100 wall screens as deployed (now after the data) and with every range new (now inside it). */
  wall: { deployed: WallFigures; stress: WallFigures };
  serveRssMb: number;
}

interface WallFigures {
  requests: number;
  errors: number;
  busy: number;
  p50: number;
  p99: number;
  /** Failures other than the queue's refusals, by panel title. */
  failed: ReadonlyMap<string, { count: number; example: string }>;
}

export interface ServiceBenchOptions {
  /** Seconds the 100 wall screens run (60 in the full benchmark). */
  wallSeconds: number;
  /** Seconds each 20-client load runs. */
  loadSeconds: number;
}

/**
 * Kept-alive connections, as many as requests in flight (no client-side
 * queue), as Grafana's proxy keeps its own to a datasource.
 */
const agent = new Agent({ keepAlive: true });

/** One POST of `body`, resolved with its status, headers and body (gunzipped when the service sent it gzipped). */
const postJson = (url: string, body: unknown) =>
  new Promise<{ status: number; serverTiming: string | undefined; text: string }>((resolve, reject) => {
    const payload = JSON.stringify(body);
    const request = httpRequest(
      `${url}/api/query`,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          'accept-encoding': 'gzip',
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const bytes = Buffer.concat(chunks);
          const header = response.headers['server-timing'];
          resolve({
            status: response.statusCode ?? 0,
            serverTiming: Array.isArray(header) ? header.join(', ') : header,
            text: (response.headers['content-encoding'] === 'gzip' ? gunzipSync(bytes) : bytes).toString('utf8'),
          });
        });
      }
    );
    request.on('error', reject);
    request.end(payload);
  });

/**
 * One request as Grafana's proxy sends it (gzip accepted), timed to the last
 * byte. The client is node:http on kept-alive sockets, not fetch: on these
 * two cores the client shares the service's cores, and fetch's own work per
 * request would be measured as the service's. The answer is checked without
 * a schema parse for the same reason.
 */
const post = async (url: string, body: unknown) => {
  const started = performance.now();
  try {
    const response = await postJson(url, body);
    const ok = response.status === 200 && !response.text.includes('"error":{');
    return {
      ms: performance.now() - started,
      // The service's own time, from its Server-Timing header: without the client's and the socket's.
      serviceMs: serviceDuration(response.serverTiming) ?? Number.NaN,
      ok,
      busy: response.text.includes('"code":"busy"'),
      // The first error's message, found without a parse (see above).
      problem: ok ? undefined : (/"message":"((?:[^"\\]|\\.)*)"/.exec(response.text)?.[1] ?? `HTTP ${response.status}`),
    };
  } catch (error) {
    return { ms: performance.now() - started, serviceMs: Number.NaN, ok: false, busy: false, problem: String(error) };
  }
};

/** `clients` loops asking for `seconds`, each request from `body(i)` with i unique across all of them. */
const closedLoad = async (url: string, clients: number, seconds: number, body: (i: number) => unknown) => {
  const latencies: number[] = [];
  const serviceTimes: number[] = [];
  let errors = 0;
  let next = 0;
  const endAt = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < endAt) {
        const answer = await post(url, body((next += 1)));
        latencies.push(answer.ms);
        serviceTimes.push(answer.serviceMs);
        if (!answer.ok) {
          errors += 1;
        }
      }
    })
  );
  const elapsed = (performance.now() - started) / 1000;
  return {
    perSecond: latencies.length / elapsed,
    p50: median(latencies),
    p99: percentile(latencies, 0.99),
    serviceP50: median(serviceTimes),
    errors,
    requests: latencies.length,
  };
};

/**
 * The query service over HTTP, every leadership and operations panel as the
 * provisioned dashboards ask (the branch picker at All), beside the same
 * question as plain SQL over the row-level tables run in this process (the
 * DuckDB floor); then 20 clients on distinct and on repeated ranges, and 100
 * wall screens whose relative ranges move with the clock.
 */
export const runServiceBench = async (
  db: string,
  connection: DuckDBConnection,
  asOf: number,
  options: ServiceBenchOptions = { wallSeconds: 60, loadSeconds: 10 }
): Promise<ServiceFigures> => {
  const catalog = await readCatalogTable(connection);
  // The branch and region pickers at All, as Grafana expands them: every value.
  const allOf = async (sql: string) => (await connection.runAndReadAll(sql)).getRows().map((r) => String(r[0]));
  const pickers: Record<string, string[]> = {
    branch: await allOf('select branch_id from dim_branches order by 1'),
    region: await allOf('select distinct region from dim_branches order by 1'),
  };
  const panels = wallScreenRequests(dashboards, (name) => pickers[name]);
  // Each uncached round moves "now" back a second inside the data, as a
  // wall's clock moves its relative range: no answer is reused.
  const nowAt = (round: number) => asOf - 1000 * (round + 1);
  const rounds = 10;
  const warm = 2;

  const service = await startServiceProcess(db);
  try {
    const uncached = new Map<PanelRequest, number[]>();
    const cached = new Map<PanelRequest, number[]>();
    const uncachedService = new Map<PanelRequest, number[]>();
    const cachedService = new Map<PanelRequest, number[]>();
    const floor = new Map<PanelRequest, number[]>();
    /** Service time of each panel's first request: its whole days summed (and kept) before its edges are added. */
    const first = new Map<PanelRequest, number>();
    /** Panels the service answered with an error after their first request (a warehouse built before a model change): shown, not timed. */
    const failed = new Set<PanelRequest>();
    /** Panels whose first request stopped at the dashboard limit while its count of whole days went on, kept for the next. */
    const firstStopped = new Set<PanelRequest>();
    const add = (map: Map<PanelRequest, number[]>, panel: PanelRequest, ms: number) =>
      map.set(panel, [...(map.get(panel) ?? []), ms]);
    for (let round = 0; round < rounds; round += 1) {
      for (const panel of panels) {
        const { ms, serviceMs, ok } = await post(service.url, panel.body(nowAt(round)));
        if (!ok) {
          (round === 0 ? firstStopped : failed).add(panel);
        }
        if (round === 0) {
          first.set(panel, serviceMs);
        }
        if (round >= warm) {
          add(uncached, panel, ms);
          add(uncachedService, panel, serviceMs);
        }
      }
    }
    for (let round = 0; round < rounds; round += 1) {
      for (const panel of panels) {
        const { ms, serviceMs } = await post(service.url, panel.body(asOf + 1));
        if (round >= warm) {
          add(cached, panel, ms);
          add(cachedService, panel, serviceMs);
        }
      }
    }
    for (let round = 0; round < rounds; round += 1) {
      for (const panel of panels) {
        const bound = panelFloor(panel.body(nowAt(round)), catalog, asOf);
        if (!bound) {
          continue;
        }
        const { ms } = await timed(async () => {
          for (const q of bound) {
            await connection.runAndReadAll(q.sql, q.params, q.types);
          }
        });
        if (round >= warm) {
          add(floor, panel, ms);
        }
      }
    }
    for (const panel of failed) {
      for (const map of [uncached, cached, uncachedService, cachedService]) {
        map.delete(panel);
      }
    }
    const all = (byPanel: Map<PanelRequest, number[]>) => [...byPanel.values()].flat();
    const p50 = (map: Map<PanelRequest, number[]>, panel: PanelRequest) => median(map.get(panel) ?? []);
    const both = (service: Map<PanelRequest, number[]>, trip: Map<PanelRequest, number[]>, p: PanelRequest) =>
      `${formatNumber(p50(service, p), 2)} / ${formatNumber(p50(trip, p))}`;
    printTable(
      'Leadership and operations panels through the service (last 90 days, ms per panel request: service time / round trip)',
      ['dashboard', 'panel', 'first', 'uncached p50', 'cached p50', 'DuckDB floor p50', 'uncached service / floor'],
      [
        ...panels.map((p) => [
          p.dashboard.replace('touchpoint-', ''),
          p.panel.length > 48 ? `${p.panel.slice(0, 47)}…` : p.panel,
          failed.has(p)
            ? 'error'
            : `${formatNumber(first.get(p) ?? Number.NaN, 2)}${firstStopped.has(p) ? ' stopped' : ''}`,
          failed.has(p) ? 'error' : both(uncachedService, uncached, p),
          failed.has(p) ? 'n/a' : both(cachedService, cached, p),
          formatNumber(p50(floor, p)),
          formatNumber(p50(uncachedService, p) / p50(floor, p), 2),
        ]),
        [
          'all panels',
          'p50 (p95)',
          `${formatNumber(median([...first.values()]), 2)} (${formatNumber(percentile([...first.values()], 0.95))})`,
          `${formatNumber(median(all(uncachedService)), 2)} (${formatNumber(percentile(all(uncachedService), 0.95))}) / ${formatNumber(median(all(uncached)))} (${formatNumber(percentile(all(uncached), 0.95))})`,
          `${formatNumber(median(all(cachedService)), 2)} (${formatNumber(percentile(all(cachedService), 0.95), 2)}) / ${formatNumber(median(all(cached)))} (${formatNumber(percentile(all(cached), 0.95))})`,
          `${formatNumber(median(all(floor)))}`,
          '',
        ],
      ]
    );
    process.stdout.write(
      'Service time: from the request arriving to its answer handed to the socket (Server-Timing). Round trip: as the client saw it.\n' +
        'First: the service time of a question\'s first request, which reads its range at once (its whole days counted and kept after it; "stopped": at the dashboard limit); uncached: later ranges a second apart, whose edges are added to the kept days.\n' +
        'DuckDB floor: the same question as plain SQL in this process, no HTTP: metrics over the row-level tables, SQL queries as written; n/a for the journey and for a stock kept only per day (churn).\n'
    );

    // 20 clients, SLI per branch over 90 days: every range distinct (the end
    // moves a millisecond per request), then every request the same.
    const sli = (to: number) => ({
      from: floorDay(to - 90 * DAY_MS),
      to,
      maxDataPoints: 1000,
      queries: [{ refId: 'A', kind: 'metric', metric: 'sli', groupBy: ['branch_id'] }],
    });
    const distinct = await closedLoad(service.url, 20, options.loadSeconds, (i) => sli(asOf - i));
    const same = await closedLoad(service.url, 20, options.loadSeconds, () => sli(asOf + 1));
    printTable(
      `20 clients, SLI per branch over 90 days, ${options.loadSeconds} s each (targets: distinct 400/s p99 100 ms; cached 3,000/s)`,
      ['ranges', 'requests/s', 'service p50 ms', 'p50 ms', 'p99 ms', 'errors'],
      [distinct, same].map((r, i) => [
        i === 0 ? 'all distinct (uncached)' : 'all the same (cached)',
        formatNumber(r.perSecond, 0),
        formatNumber(r.serviceP50, 2),
        formatNumber(r.p50),
        formatNumber(r.p99),
        r.errors,
      ])
    );

    // 100 wall screens, each refreshing its dashboard's panels every 10 s,
    // their refreshes spread over the 10 s, "now" moving with the clock. As
    // deployed, now is after the data's last event (a load brings events up
    // to a moment already past), so "now-90d/d to now" is one answer until
    // the next load. The stress case puts now inside the data: every
    // refresh of every screen is a new range the cache cannot answer.
    const wallRun = async (nowAt: (elapsedMs: number) => number) => {
      const screens = 100;
      const periodMs = 10_000;
      const durationMs = options.wallSeconds * 1000;
      const latencies: number[] = [];
      let errors = 0;
      let busy = 0;
      // Failures other than the queue's refusals, per panel, with one message: which panels a wall loses.
      const failed = new Map<string, { count: number; example: string }>();
      const started = Date.now();
      await Promise.all(
        Array.from({ length: screens }, async (_, screen) => {
          const own = panels.filter((p) => p.dashboard === dashboards[screen % dashboards.length]);
          await new Promise((r) => setTimeout(r, (screen * periodMs) / screens));
          while (Date.now() - started < durationMs) {
            const tick = Date.now();
            const answers = await Promise.all(own.map((p) => post(service.url, p.body(nowAt(tick - started)))));
            answers.forEach((a, index) => {
              latencies.push(a.ms);
              errors += a.ok ? 0 : 1;
              busy += a.busy ? 1 : 0;
              if (!a.ok && !a.busy) {
                const name = own[index].panel;
                const seen = failed.get(name);
                failed.set(name, { count: (seen?.count ?? 0) + 1, example: seen?.example ?? a.problem ?? '' });
              }
            });
            await new Promise((r) => setTimeout(r, Math.max(0, periodMs - (Date.now() - tick))));
          }
        })
      );
      const figures: WallFigures = {
        requests: latencies.length,
        errors,
        busy,
        p50: median(latencies),
        p99: percentile(latencies, 0.99),
        failed,
      };
      return figures;
    };
    const deployed = await wallRun((elapsed) => asOf + 3_600_000 + elapsed);
    const stress = await wallRun((elapsed) => asOf - options.wallSeconds * 1000 + elapsed);
    const serveRssMb = service.peakRssMb();
    printTable(
      `Wall screens: 100 screens (leadership and operations), refreshing every 10 s for ${options.wallSeconds} s, ranges moving with the clock`,
      ['now', 'requests', 'errors', 'of them busy (queue full)', 'p50 ms', 'p99 ms'],
      (
        [
          ['after the data (as deployed)', deployed],
          ['inside the data (every range new)', stress],
        ] as const
      ).map(([name, r]) => [name, r.requests, r.errors, r.busy, formatNumber(r.p50), formatNumber(r.p99)])
    );
    for (const [name, r] of [
      ['as deployed', deployed],
      ['every range new', stress],
    ] as const) {
      for (const [panel, failure] of r.failed) {
        process.stdout.write(`  failed ${name}: ${panel}: ${failure.count}, e.g. ${failure.example.slice(0, 160)}\n`);
      }
    }
    process.stdout.write(`Peak RSS of the service: ${formatNumber(serveRssMb, 0)} MB\n`);
    return {
      uncached: { p50: median(all(uncachedService)), p95: percentile(all(uncachedService), 0.95) },
      cached: { p50: median(all(cachedService)), p95: percentile(all(cachedService), 0.95) },
      wall: { deployed, stress },
      serveRssMb,
    };
  } finally {
    await service.stop();
    agent.destroy();
  }
};
