import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { parse } from 'yaml';
import { z } from 'zod';
import { queryResponseSchema } from '@touchpoint/contract/src/queryRequest';
import { readCatalogFile } from '@touchpoint/server/src/catalog/metricCatalog';
import { pgTypeOids } from '@touchpoint/server/src/postgres/pgTypeOids';
import { readProvisionedDatasources, REPO_ROOT } from '@touchpoint/preview/src/server/previewSources';
import { expandEnv } from '../grafana/support/expandEnv';
import { getJson } from '../grafana/support/getJson';
import { SERVICE_TOKEN, startSeededService, type SeededService } from '../grafana/support/seededService';
import { startServiceProcess, type ServiceProcess } from '../support/serviceProcess';
import { alertRuleQueriesAt, EXPRESSION_DATASOURCE_UID, readAlertingFiles } from './provisionedAlertRules';

const DAY_MS = 86_400_000;
const datasources = readProvisionedDatasources();
const postgres = datasources.find((datasource) => datasource.uid === 'touchpoint-pg');
const alertingFiles = readAlertingFiles();
const rules = alertingFiles.flatMap(({ groups }) => groups.flatMap((group) => group.rules));
const contactPoints = alertingFiles.flatMap((file) => file.contactPoints);
const catalog = readCatalogFile();

const composeSchema = z.object({
  services: z.object({
    touchpoint: z.object({ environment: z.record(z.string(), z.string()), ports: z.array(z.string()) }),
  }),
});
const compose = composeSchema.parse(parse(readFileSync(join(REPO_ROOT, 'docker-compose.yml'), 'utf8')));

/** The threshold expressions of a rule: which query they read, the comparison and its value. */
const thresholdSchema = z.object({
  type: z.literal('threshold'),
  expression: z.string(),
  conditions: z.tuple([
    z.object({ evaluator: z.object({ type: z.enum(['lt', 'gt']), params: z.tuple([z.number()]) }) }),
  ]),
});
const thresholdsOf = (rule: (typeof rules)[number]) =>
  rule.data
    .filter((query) => query.datasourceUid === EXPRESSION_DATASOURCE_UID)
    .map((query) => thresholdSchema.parse(query.model));

const metricCalls = (sql: string) => [...sql.matchAll(/\bmetric(?:_n)?\('([^']*)'\)/g)].map((match) => match[1]);

describe("Grafana's PostgreSQL datasource (provisioning/datasources/touchpoint-pg.yaml)", () => {
  it('is provisioned with its fixed uid, as Grafana’s built-in PostgreSQL type', () => {
    expect(postgres).toMatchObject({ type: 'grafana-postgresql-datasource', access: 'proxy' });
  });

  it('reaches the service by its compose name on the PostgreSQL port the service is given and publishes', () => {
    const raw = z
      .object({ url: z.string(), user: z.string() })
      .parse(
        z
          .object({ datasources: z.array(z.looseObject({ uid: z.string() })) })
          .parse(parse(readFileSync(join(REPO_ROOT, 'provisioning', 'datasources', 'touchpoint-pg.yaml'), 'utf8')))
          .datasources[0]
      );
    const port = compose.services.touchpoint.environment.TOUCHPOINT_PG_PORT;
    expect(raw.url).toBe(`touchpoint:${port}`);
    expect(raw.user).toBe('touchpoint');
    expect(compose.services.touchpoint.ports).toContain(`127.0.0.1:${port}:${port}`);
  });

  it('sends the service token as the password, from Grafana’s environment', () => {
    expect(expandEnv(postgres?.secureJsonData.password ?? '', { TOUCHPOINT_TOKEN: 'from-compose' })).toBe(
      'from-compose'
    );
  });

  it('asks for no TLS (the service refuses it unless given a certificate), PostgreSQL 15 and no TimescaleDB', () => {
    expect(postgres?.jsonData).toEqual({
      database: 'touchpoint',
      sslmode: 'disable',
      postgresVersion: 1500,
      timescaledb: false,
    });
  });
});

describe('the provisioned alert rules (provisioning/alerting/)', () => {
  it('are at least the SLI, the CSAT and the overdue follow-up rule, each with its own uid', () => {
    expect(rules.map((rule) => rule.uid).sort()).toEqual(
      expect.arrayContaining([
        'touchpoint-csat-below-goal',
        'touchpoint-followups-overdue',
        'touchpoint-sli-below-zero',
      ])
    );
    expect(new Set(rules.map((rule) => rule.uid)).size).toBe(rules.length);
  });

  it('query only provisioned datasources, besides Grafana’s expressions', () => {
    const uids = new Set(datasources.map(({ uid }) => uid));
    const unknown = rules
      .flatMap((rule) => rule.data.map((query) => query.datasourceUid))
      .filter((uid) => uid !== EXPRESSION_DATASOURCE_UID && !uids.has(uid));
    expect(unknown).toEqual([]);
  });

  it.each(rules.map((rule) => [rule.uid, rule]))(
    '%s fires on a threshold over its query, labelled with the metric and its level',
    (_uid, rule) => {
      const refIds = rule.data.map((query) => query.refId);
      expect(refIds).toContain(rule.condition);
      for (const threshold of thresholdsOf(rule)) {
        expect(refIds).toContain(threshold.expression);
      }
      const metric = catalog.find((m) => m.name === rule.labels.metric);
      expect(metric).toBeDefined();
      expect(rule.labels.level).toBe(metric?.level);
      expect(rule.annotations.summary).toContain('{{ $labels.branch }}');
    }
  );

  it('write metric() with catalog names, never the dashboards’ $__metric that Grafana’s PostgreSQL datasource refuses', () => {
    const names = new Set(catalog.map((m) => m.name));
    for (const query of alertRuleQueriesAt(new Date('2024-06-30T12:00:00Z'))) {
      expect(query.rawSql).not.toContain('$__metric');
      expect(metricCalls(query.rawSql).length).toBeGreaterThan(0);
      expect(metricCalls(query.rawSql).filter((name) => !names.has(name))).toEqual([]);
    }
  });

  it('hold the SLI below 0, CSAT below the catalog’s goal, and any follow-up overdue', () => {
    const threshold = (uid: string) => thresholdsOf(rules.find((rule) => rule.uid === uid)!)[0].conditions[0].evaluator;
    expect(threshold('touchpoint-sli-below-zero')).toEqual({ type: 'lt', params: [0] });
    const goal = catalog.find((m) => m.name === 'csat')?.goal;
    expect(threshold('touchpoint-csat-below-goal')).toEqual({ type: 'lt', params: [goal] });
    expect(rules.find((rule) => rule.uid === 'touchpoint-csat-below-goal')?.annotations.summary).toContain(
      `goal of ${goal}`
    );
    expect(threshold('touchpoint-followups-overdue')).toEqual({ type: 'gt', params: [0] });
  });

  it('look back over whole days that end a day before the evaluation: 7 for SLI, 3 for CSAT, 30 for follow-ups', () => {
    const now = new Date('2024-06-30T12:34:56Z');
    const days = (uid: string) => {
      const query = alertRuleQueriesAt(now).find((q) => q.ruleUid === uid);
      return query && (query.to.getTime() - query.from.getTime()) / 86_400_000;
    };
    expect(days('touchpoint-sli-below-zero')).toBe(7);
    expect(days('touchpoint-csat-below-goal')).toBe(3);
    expect(days('touchpoint-followups-overdue')).toBe(30);
    expect(alertRuleQueriesAt(now).map((query) => now.getTime() - query.to.getTime())).toEqual(
      alertRuleQueriesAt(now).map(() => 86_400_000)
    );
  });

  it("are sent with Grafana's macros expanded into literal times", () => {
    const [sli] = alertRuleQueriesAt(new Date('2024-06-30T12:00:00Z')).filter(
      (query) => query.ruleUid === 'touchpoint-sli-below-zero'
    );
    expect(sli.sql).toContain("r.day::timestamp BETWEEN '2024-06-22T12:00:00Z' AND '2024-06-29T12:00:00Z'");
    expect(sli.sql).not.toContain('$__');
  });

  it('notify a provisioned contact point whose address is still the placeholder to replace', () => {
    const names = contactPoints.map((point) => point.name);
    for (const rule of rules) {
      expect(names).toContain(rule.notification_settings?.receiver);
    }
    const addresses = contactPoints.flatMap((point) =>
      point.receivers.map((receiver) => z.object({ addresses: z.string() }).parse(receiver.settings).addresses)
    );
    expect(addresses.every((address) => address.endsWith('@example.com'))).toBe(true);
  });
});

describe('the alert queries over PostgreSQL, as Grafana sends them, against a seeded warehouse', () => {
  let seeded: SeededService;
  let withPostgres: ServiceProcess;
  let client: Client;
  let asOf: Date;

  beforeAll(async () => {
    seeded = await startSeededService();
    withPostgres = await startServiceProcess(seeded.db, {}, ['--token', SERVICE_TOKEN, '--pg-port', '0']);
    client = new Client({
      host: '127.0.0.1',
      port: withPostgres.pgPort,
      user: 'touchpoint',
      database: 'touchpoint',
      password: SERVICE_TOKEN,
    });
    await client.connect();
    // Evaluated as if now were the data's latest event.
    asOf = new Date((await getJson<{ asOf: number }>(`${seeded.service.url}/api/health`)).asOf);
  });
  afterAll(async () => {
    await client?.end();
    await withPostgres?.stop();
    await seeded?.stop();
  });

  it('answer one row per branch: text labels branch and branch_name, and one float8 for the threshold', async () => {
    const queries = alertRuleQueriesAt(asOf);
    expect(queries.length).toBeGreaterThanOrEqual(2);
    for (const query of queries) {
      // Grafana's pgx sends the expanded text as a simple query; so does node-postgres without parameters.
      const result = await client.query<{ branch: string }>(query.sql);
      expect(result.fields.map(({ name, dataTypeID }) => [name, dataTypeID])).toEqual([
        ['branch', pgTypeOids.text],
        ['branch_name', pgTypeOids.text],
        [expect.any(String), pgTypeOids.float8],
      ]);
      const branches = result.rows.map((row) => row.branch);
      expect({ rule: query.ruleUid, rows: branches.length > 0 }).toEqual({ rule: query.ruleUid, rows: true });
      expect(new Set(branches).size).toBe(branches.length);
    }
  });

  /** The whole days a rule's $__timeFilter(day::timestamp) keeps: those whose start lies in [from, to]. */
  const ruleDays = (rule: { from: Date; to: Date }) => ({
    firstDay: Math.ceil(rule.from.getTime() / DAY_MS) * DAY_MS,
    endDay: Math.floor(rule.to.getTime() / DAY_MS) * DAY_MS + DAY_MS,
  });

  /** A metric per branch as the panels ask the service for it (a metric query grouped by branch). */
  const metricByBranch = async (metric: string, from: number, to: number): Promise<Map<string, number>> => {
    const response = await fetch(`${withPostgres.url}/api/query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${SERVICE_TOKEN}` },
      body: JSON.stringify({ from, to, queries: [{ refId: 'A', kind: 'metric', metric, groupBy: ['branch_id'] }] }),
    });
    const frame = queryResponseSchema.parse(await response.json()).results.A.frames[0];
    const column = (name: string) => frame.data.values[frame.schema.fields.findIndex((f) => f.name === name)];
    return new Map(column('branch_id').map((branch, i) => [String(branch), Number(column(metric)[i])]));
  };

  it('give the same number as the SLI gauge and as an analyst’s typed query: one catalog definition through every client', async () => {
    const rule = alertRuleQueriesAt(asOf).find((query) => query.ruleUid === 'touchpoint-sli-below-zero');
    if (!rule) {
      throw new Error('the SLI rule is not provisioned');
    }
    const alert = (await client.query<{ branch: string; sli: number }>(rule.sql)).rows;
    const { firstDay, endDay } = ruleDays(rule);
    // The gauge: the metric query the scorecard panel sends, over those days.
    const gauge = await metricByBranch('sli', firstDay, endDay);

    // The analyst: an ad-hoc query with the days written out, as typed into psql or DBeaver
    // (psql itself runs it in realClients.clients.ts, under npm run test:e2e).
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const typed = await client.query<{ branch_id: string; sli: number }>(
      `select branch_id, metric('sli') as sli from agg_response_daily where day >= '${day(firstDay)}' and day < '${day(endDay)}' group by 1`
    );
    const analyst = new Map(typed.rows.map((row) => [row.branch_id, Number(row.sli)]));

    expect(alert.length).toBeGreaterThan(1);
    expect([...gauge.keys()].sort()).toEqual(alert.map((row) => row.branch).sort());
    expect([...analyst.keys()].sort()).toEqual(alert.map((row) => row.branch).sort());
    for (const row of alert) {
      expect(gauge.get(row.branch)).toBeCloseTo(row.sli, 9);
      expect(analyst.get(row.branch)).toBeCloseTo(row.sli, 9);
    }
  });

  it('count per branch the overdue backlog the closed-loop panel shows and the fact holds, rating by rating', async () => {
    const rule = alertRuleQueriesAt(asOf).find((query) => query.ruleUid === 'touchpoint-followups-overdue');
    if (!rule) {
      throw new Error('the overdue follow-up rule is not provisioned');
    }
    const alert = (await client.query<{ branch: string; overdue: number }>(rule.sql)).rows;
    const { firstDay, endDay } = ruleDays(rule);
    const panel = await metricByBranch('followups_overdue', firstDay, endDay);

    // Each overdue rating counted from the fact, by the day it was given.
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const fact = new Map(
      (
        await client.query<{ branch_id: string; overdue: string }>(
          `select branch_id, count(*) filter (where is_overdue) as overdue from fct_negative_ratings
           where is_eligible and responded_date >= '${day(firstDay)}' and responded_date < '${day(endDay)}' group by 1`
        )
      ).rows.map((row) => [row.branch_id, Number(row.overdue)])
    );

    expect(alert.length).toBeGreaterThan(1);
    expect(alert.some((row) => row.overdue > 0)).toBe(true);
    for (const row of alert) {
      expect({ branch: row.branch, overdue: panel.get(row.branch) }).toEqual({
        branch: row.branch,
        overdue: row.overdue,
      });
      expect({ branch: row.branch, overdue: fact.get(row.branch) }).toEqual({
        branch: row.branch,
        overdue: row.overdue,
      });
    }
  });
});
