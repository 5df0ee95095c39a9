import { Client, type FieldDef, type QueryResult } from 'pg';
import { queryResponseSchema } from '@touchpoint/contract/src/queryRequest';
import { lastDays, type TimeRange } from '@touchpoint/contract/src/timeRange';
import { pgTypeOids } from '@touchpoint/server/src/postgres/pgTypeOids';
import { errorMessage } from '@touchpoint/server/src/errorMessage';
import { startServiceProcess, type ServiceProcess } from '../support/serviceProcess';
import { printTable } from './printTable';
import {
  asGrafanaPostgresSql,
  asParameterisedSql,
  rfc3339Nano,
  scorecardSqlPanels,
  type ScorecardSqlPanel,
} from './scorecardSqlPanels';
import { formatNumber, median, percentile, timed } from './stats';

/** Not a secret: the password of a service that lives for this run on loopback. */
const TOKEN = 'touchpoint-bench-token';
const ROUNDS = 12;
const WARMUP_ROUNDS = 2;
const CLIENTS = 50;
const CLIENT_SECONDS = 10;
const RATIO_TARGET = 1.1;
/** Relative difference allowed between the two ways' numbers: their text and JSON forms round differently. */
const TOLERANCE = 1e-9;

type Cell = string | number | boolean | null;
type Rows = Cell[][];
type Way = 'http' | 'simple' | 'extended';

/** The scorecard over HTTP: one ad-hoc SQL request per panel, as the Touchpoint datasource sends it. */
const askHttp = async (service: ServiceProcess, panel: ScorecardSqlPanel, range: TimeRange): Promise<Rows> => {
  const response = await fetch(`${service.url}/api/query`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({
      ...range,
      maxDataPoints: 1000,
      queries: [{ refId: panel.refId, kind: 'sql', format: 'table', sql: panel.sql }],
    }),
  });
  const body: unknown = await response.json();
  if (response.status !== 200) {
    throw new Error(`HTTP ${response.status} for ${panel.refId}: ${JSON.stringify(body)}`);
  }
  const result = queryResponseSchema.parse(body).results[panel.refId];
  if (result.error) {
    throw new Error(`${panel.refId} over HTTP: ${result.error.message}`);
  }
  const columns = result.frames[0]?.data.values ?? [];
  return Array.from({ length: columns[0]?.length ?? 0 }, (_, row) => columns.map((c) => c[row] as Cell));
};

/**
 * node-postgres reads `date` and `timestamp` as local time; HTTP frames
 * carry UTC epoch ms. Reading the local fields back as UTC undoes it
 * whatever the machine's time zone.
 */
const pgCell = (value: unknown, field: FieldDef): Cell => {
  if (value instanceof Date) {
    return field.dataTypeID === pgTypeOids.timestamptz
      ? value.getTime()
      : Date.UTC(
          value.getFullYear(),
          value.getMonth(),
          value.getDate(),
          value.getHours(),
          value.getMinutes(),
          value.getSeconds(),
          value.getMilliseconds()
        );
  }
  return value as Cell;
};

const pgRows = (result: QueryResult): Rows =>
  result.rows.map((row: Record<string, unknown>) => result.fields.map((f) => pgCell(row[f.name], f)));

/**
 * The same panel over PostgreSQL, as Grafana's PostgreSQL datasource
 * (simple) or a driver with parameters (extended) sends it. The bounds go
 * as UTC text, not Date objects: node-postgres writes a Date in the local
 * zone with its offset, and a `timestamp` parameter drops the offset (in
 * PostgreSQL as here), which would move the range by the machine's zone.
 */
const askPg = async (client: Client, way: 'simple' | 'extended', panel: ScorecardSqlPanel, range: TimeRange) =>
  pgRows(
    way === 'simple'
      ? await client.query(asGrafanaPostgresSql(panel.sql, range))
      : await client.query(asParameterisedSql(panel.sql), [rfc3339Nano(range.from), rfc3339Nano(range.to)])
  );

const connect = async (service: ServiceProcess): Promise<Client> => {
  const client = new Client({
    host: new URL(service.url).hostname,
    port: service.pgPort,
    user: 'touchpoint',
    database: 'touchpoint',
    password: TOKEN,
  });
  await client.connect();
  return client;
};

/** Numbers (int8 and numeric come as text over PostgreSQL) compare within TOLERANCE, all else exactly. */
const sameCell = (a: Cell, b: Cell) => {
  const x = typeof a === 'string' && a.trim() !== '' && !Number.isNaN(Number(a)) ? Number(a) : a;
  const y = typeof b === 'string' && b.trim() !== '' && !Number.isNaN(Number(b)) ? Number(b) : b;
  if (typeof x === 'number' && typeof y === 'number') {
    return x === y || Math.abs(x - y) <= TOLERANCE * Math.max(Math.abs(x), Math.abs(y));
  }
  return x === y;
};

/** Why two answers differ, or undefined when they agree. */
const difference = (http: Rows, pg: Rows): string | undefined => {
  if (http.length !== pg.length) {
    return `${http.length} rows over HTTP, ${pg.length} over PostgreSQL`;
  }
  for (let r = 0; r < http.length; r += 1) {
    if (http[r].length !== pg[r].length) {
      return `row ${r}: ${http[r].length} columns over HTTP, ${pg[r].length} over PostgreSQL`;
    }
    const column = http[r].findIndex((cell, c) => !sameCell(cell, pg[r][c]));
    if (column !== -1) {
      return `row ${r} column ${column}: ${String(http[r][column])} over HTTP, ${String(pg[r][column])} over PostgreSQL`;
    }
  }
  return undefined;
};

/** Every panel asked all three ways over one range; the answers must agree. */
const compareAnswers = async (
  service: ServiceProcess,
  clients: Record<'simple' | 'extended', Client>,
  range: TimeRange
) => {
  const differences: string[] = [];
  let rows = 0;
  for (const panel of scorecardSqlPanels) {
    const http = await askHttp(service, panel, range);
    rows += http.length;
    for (const way of ['simple', 'extended'] as const) {
      const why = difference(http, await askPg(clients[way], way, panel, range));
      if (why) {
        differences.push(`${panel.refId} (${way}): ${why}`);
      }
    }
  }
  process.stdout.write(
    differences.length === 0
      ? `\nSame answers: all ${scorecardSqlPanels.length} panels (${rows} rows) agree over HTTP, PostgreSQL simple and PostgreSQL extended (values within ${TOLERANCE} relative).\n`
      : `\nDifferent answers over HTTP and PostgreSQL:\n${differences.map((d) => `  ${d}`).join('\n')}\n`
  );
};

/**
 * One client at a time, each panel asked over HTTP, PostgreSQL simple and
 * PostgreSQL extended in turn; every ask moves the range's start by a
 * millisecond (never onto a day boundary), so nothing is answered from a cache.
 */
const timePanels = async (
  service: ServiceProcess,
  clients: Record<'simple' | 'extended', Client>,
  base: TimeRange
): Promise<Record<Way, Record<string, number[]>>> => {
  const samples: Record<Way, Record<string, number[]>> = { http: {}, simple: {}, extended: {} };
  let shift = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const panel of scorecardSqlPanels) {
      for (const way of ['http', 'simple', 'extended'] as const) {
        shift += 1;
        const range = { from: base.from + shift, to: base.to };
        const { ms } = await timed(() =>
          way === 'http' ? askHttp(service, panel, range) : askPg(clients[way], way, panel, range)
        );
        if (round >= WARMUP_ROUNDS) {
          (samples[way][panel.refId] ??= []).push(ms);
        }
      }
    }
  }
  return samples;
};

const printComparison = (samples: Record<Way, Record<string, number[]>>) => {
  const p50 = (way: Way, refId: string) => median(samples[way][refId]);
  const sum = (way: Way) => scorecardSqlPanels.reduce((s, p) => s + p50(way, p.refId), 0);
  const ratio = (pg: number, http: number) => `${formatNumber(pg / http, 2)} (<= ${RATIO_TARGET})`;
  printTable(
    `Scorecard over PostgreSQL and over HTTP (${scorecardSqlPanels.length} panels as ad-hoc SQL, 90 days, uncached, ms per panel; ratio target <= ${RATIO_TARGET})`,
    ['panel', 'HTTP p50', 'PG simple p50', 'PG extended p50', 'simple / HTTP', 'extended / HTTP'],
    [
      ...scorecardSqlPanels.map((p) => [
        p.refId,
        formatNumber(p50('http', p.refId)),
        formatNumber(p50('simple', p.refId)),
        formatNumber(p50('extended', p.refId)),
        ratio(p50('simple', p.refId), p50('http', p.refId)),
        ratio(p50('extended', p.refId), p50('http', p.refId)),
      ]),
      [
        'all panels (sum of p50)',
        formatNumber(sum('http')),
        formatNumber(sum('simple')),
        formatNumber(sum('extended')),
        ratio(sum('simple'), sum('http')),
        ratio(sum('extended'), sum('http')),
      ],
    ]
  );
};

/**
 * CLIENTS connections at once, each asking the scorecard's panels in a loop
 * for CLIENT_SECONDS, half over the simple protocol and half over the
 * extended one, every ask with a range of its own.
 */
const runConcurrentClients = async (service: ServiceProcess, base: TimeRange) => {
  const clients = await Promise.all(Array.from({ length: CLIENTS }, () => connect(service)));
  const latencies: Record<'simple' | 'extended', number[]> = { simple: [], extended: [] };
  const errors: Record<'simple' | 'extended', number> = { simple: 0, extended: 0 };
  const firstErrors = new Set<string>();
  // Far from the sequential run's shifts, still inside the range's first day.
  let shift = 1_000_000;
  const started = performance.now();
  let elapsedMs = 0;
  try {
    await Promise.all(
      clients.map(async (client, i) => {
        const way = i % 2 === 0 ? 'simple' : 'extended';
        for (let n = i; performance.now() - started < CLIENT_SECONDS * 1000; n += 1) {
          const panel = scorecardSqlPanels[n % scorecardSqlPanels.length];
          shift += 1;
          const range = { from: base.from + shift, to: base.to };
          try {
            latencies[way].push((await timed(() => askPg(client, way, panel, range))).ms);
          } catch (error) {
            errors[way] += 1;
            firstErrors.add(errorMessage(error));
          }
        }
      })
    );
    elapsedMs = performance.now() - started;
  } finally {
    await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
  }
  const row = (label: string, samples: number[], failed: number) => [
    label,
    samples.length + failed,
    formatNumber(samples.length / (elapsedMs / 1000)),
    formatNumber(median(samples)),
    formatNumber(percentile(samples, 0.99)),
    failed,
  ];
  printTable(
    `${CLIENTS} PostgreSQL clients at once, each asking the ${scorecardSqlPanels.length} panels in a loop for ${formatNumber(elapsedMs / 1000)} s (target: zero errors)`,
    ['clients', 'queries', 'queries/s', 'p50 ms', 'p99 ms', 'errors'],
    [
      row(`${CLIENTS / 2} simple`, latencies.simple, errors.simple),
      row(`${CLIENTS / 2} extended`, latencies.extended, errors.extended),
      row(`all ${CLIENTS}`, [...latencies.simple, ...latencies.extended], errors.simple + errors.extended),
    ]
  );
  process.stdout.write(`service peak RSS ${formatNumber(service.peakRssMb(), 0)} MB\n`);
  for (const message of firstErrors) {
    process.stdout.write(`error: ${message}\n`);
  }
};

/**
 * The PostgreSQL port against HTTP: the scorecard's panels asked both ways
 * of one `touchpoint serve` (token set, so both sign in as users do), then
 * CLIENTS PostgreSQL connections at once.
 */
export const runPostgresBench = async (db: string, asOf: number): Promise<void> => {
  // The provisioned dashboards' now-90d/d: a start on a day boundary, which
  // every ask then moves into the first day by a few milliseconds.
  const base = lastDays(asOf, 90);
  const service = await startServiceProcess(db, {}, ['--pg-port', '0', '--token', TOKEN]);
  try {
    const simple = await connect(service);
    const extended = await connect(service);
    try {
      const clients = { simple, extended };
      await compareAnswers(service, clients, { from: base.from + 1, to: base.to });
      printComparison(await timePanels(service, clients, base));
    } finally {
      await Promise.all([simple.end(), extended.end()]);
    }
    await runConcurrentClients(service, base);
  } finally {
    await service.stop();
  }
};
