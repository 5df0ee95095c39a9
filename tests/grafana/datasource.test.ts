import { dateTime, FieldType, type DataFrame, type DataQueryRequest, type DataQueryResponse } from '@grafana/data';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { firstValueFrom, lastValueFrom, type Observable } from 'rxjs';
import { readFileSync } from 'node:fs';
import { examples } from '@touchpoint/duckdb-datasource/src/messages';
import { metricSqlPreview } from '@touchpoint/duckdb-datasource/src/query/metricSqlPreview';
import type { TouchpointQuery } from '@touchpoint/contract/src/savedQuery';
import { runTouchpoint } from '../support/runTouchpoint';
import type { ServiceProcess } from '../support/serviceProcess';
import type { VariableSpec } from '@touchpoint/preview/src/host/dashboardTemplateSrv';
import { getJson } from './support/getJson';
import { SERVICE_TOKEN as TOKEN, startSeededService, type SeededService } from './support/seededService';
import { touchpointDatasource } from './support/touchpointDatasource';

/** Whole UTC days, so a metric query and the same metric in SQL over the rollup read the same rows. */
const range = { from: dateTime(Date.parse('2024-01-01T00:00:00Z')), to: dateTime(Date.parse('2024-07-01T00:00:00Z')) };

const request = (
  targets: TouchpointQuery[],
  extra: Partial<DataQueryRequest<TouchpointQuery>> = {}
): DataQueryRequest<TouchpointQuery> => ({
  requestId: 'panel-1',
  interval: '1d',
  intervalMs: 86_400_000,
  maxDataPoints: 500,
  range: { ...range, raw: { from: range.from, to: range.to } },
  scopedVars: {},
  targets,
  timezone: 'utc',
  app: 'dashboard',
  startTime: Date.now(),
  ...extra,
});

const run = (observable: Observable<DataQueryResponse>) => lastValueFrom(observable);
const column = (frame: DataFrame, name: string) => frame.fields.find((field) => field.name === name)?.values ?? [];

/** What the service's own SQL path says, as an independent check of what the datasource sent. */
const sqlRows = async (db: string, sql: string): Promise<Array<Record<string, unknown>>> => {
  const outcome = await runTouchpoint('sql', '--db', db, '--format', 'json', sql);
  expect(outcome.stderr).toBe('');
  return JSON.parse(outcome.stdout);
};

describe('the Grafana datasource against a real touchpoint serve', () => {
  let seeded: SeededService;
  let db: string;
  let service: ServiceProcess;
  let branches: Array<{ branch_id: string; branch_name: string }>;

  beforeAll(async () => {
    seeded = await startSeededService();
    ({ db, service } = seeded);
    branches = (await sqlRows(
      db,
      'select branch_id, branch_name from dim_branches order by branch_name'
    )) as typeof branches;
  });
  afterAll(() => seeded?.stop());

  describe('Save & test', () => {
    it('reports the service, its data version, freshness and catalog', async () => {
      const { datasource } = touchpointDatasource(service.url, TOKEN);
      const health = await getJson<{ dataVersion: string; asOf: number; load: { running: number } }>(
        `${service.url}/api/health`
      );
      const result = await datasource.testDatasource();
      expect(result.status).toBe('success');
      expect(result.message).toContain(`data version ${health.dataVersion}`);
      expect(result.message).toContain(
        `data as of ${new Date(health.asOf).toISOString().slice(0, 16).replace('T', ' ')} UTC`
      );
      const catalog: unknown[] = JSON.parse(
        readFileSync(join(__dirname, '..', '..', 'sql', 'catalog', 'metrics.json'), 'utf8')
      );
      expect(result.message).toMatch(new RegExp(`, ${catalog.length} metrics, SLI mapping 2024\\.1\\.$`));
    });

    it('says the token was rejected when it is wrong', async () => {
      const result = await touchpointDatasource(service.url, 'not-the-token').datasource.testDatasource();
      expect(result).toMatchObject({ status: 'error' });
      expect(result.message).toContain('rejected the token');
    });

    it('says the service cannot be reached when nothing listens at the URL', async () => {
      const closed = createServer();
      await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
      const { port } = closed.address() as { port: number };
      await new Promise((done) => closed.close(done));
      const result = await touchpointDatasource(`http://127.0.0.1:${port}`, TOKEN).datasource.testDatasource();
      expect(result.status).toBe('error');
      expect(result.message).toMatch(/^Cannot reach the Touchpoint service \(HTTP 502/);
    });

    it('says the URL is not a Touchpoint service when something else answers', async () => {
      const other: Server = createServer((_, response) =>
        response.end(JSON.stringify({ status: 'ok', database: 'up' }))
      );
      await new Promise<void>((done) => other.listen(0, '127.0.0.1', done));
      try {
        const { port } = other.address() as { port: number };
        const result = await touchpointDatasource(`http://127.0.0.1:${port}`, TOKEN).datasource.testDatasource();
        expect(result.status).toBe('error');
        expect(result.message).toMatch(/^The URL answered, but not as a Touchpoint service \(\/api\/health: service/);
      } finally {
        await new Promise((done) => other.close(done));
      }
    });

    it('asks for a URL before trying anything', async () => {
      const { datasource, proxy } = touchpointDatasource(undefined, TOKEN);
      expect(await datasource.testDatasource()).toEqual({
        status: 'error',
        message: expect.stringMatching(/^Set the URL/),
      });
      expect(proxy.requests).toHaveLength(0);
    });

    it('keeps the token out of the browser: the data proxy adds it from secure settings', async () => {
      const { datasource, proxy } = touchpointDatasource(service.url, TOKEN);
      await datasource.testDatasource();
      expect(proxy.requests.map((r) => r.sentHeaders)).toEqual([{}, {}]);
      expect(proxy.requests.map((r) => r.headers.Authorization)).toEqual([`Bearer ${TOKEN}`, `Bearer ${TOKEN}`]);
      expect(proxy.requests.map((r) => new URL(r.url).pathname)).toEqual(['/api/health', '/api/catalog']);
    });
  });

  describe('query', () => {
    it('answers a metric query with one series per branch, equal to the same metric in SQL', async () => {
      const { datasource } = touchpointDatasource(service.url, TOKEN);
      const metric = await run(
        datasource.query(
          request([
            {
              refId: 'A',
              kind: 'metric',
              version: 1,
              metric: 'sli',
              groupBy: ['branch_id'],
              interval: 'month',
              filters: {},
            },
          ])
        )
      );
      expect(metric.errors).toEqual([]);
      expect(metric.data).toHaveLength(branches.length);
      const sql = await run(
        datasource.query(
          request([
            {
              refId: 'B',
              kind: 'sql',
              version: 1,
              format: 'table',
              sql: `select date_trunc('month', day) as time, branch_id, $__metric(sli) as sli
                    from agg_response_daily where $__timeFilter(day) group by all order by all`,
            },
          ])
        )
      );
      const table = sql.data[0] as DataFrame;
      for (const frame of metric.data as DataFrame[]) {
        expect(frame.refId).toBe('A');
        const value = frame.fields.find((field) => field.type === FieldType.number && field.name !== 'n')!;
        const branch = value.labels?.branch_id;
        expect(branch).toBeDefined();
        const expected = column(table, 'sli').filter((_, row) => column(table, 'branch_id')[row] === branch);
        const times = column(table, 'time').filter((_, row) => column(table, 'branch_id')[row] === branch);
        expect(frame.fields[0].type).toBe(FieldType.time);
        expect(frame.fields[0].values).toEqual(times);
        value.values.forEach((v, i) => expect(v).toBeCloseTo(expected[i] as number, 9));
      }
    });

    it('gives one value per branch over the whole range for gauges, equal to the same metric in SQL', async () => {
      const { datasource } = touchpointDatasource(service.url, TOKEN);
      const metric = await run(
        datasource.query(
          request([
            {
              refId: 'A',
              kind: 'metric',
              version: 1,
              metric: 'nps',
              groupBy: ['branch_id'],
              interval: 'none',
              filters: {},
            },
          ])
        )
      );
      const frame = metric.data[0] as DataFrame;
      expect(metric.data).toHaveLength(1);
      const truth = await sqlRows(
        db,
        `select branch_id, (100.0 * (sum(nps_promoters) - sum(nps_detractors)) / nullif(sum(nps_n), 0))::double as nps
         from agg_response_daily where day >= '2024-01-01' and day < '2024-07-01' group by 1 order by 1`
      );
      expect(column(frame, 'branch_id')).toEqual(truth.map((row) => row.branch_id));
      column(frame, 'nps').forEach((value, i) => expect(value).toBeCloseTo(truth[i].nps as number, 9));
    });

    it('runs the SQL a metric query stands for (Edit as SQL) to the same values over whole days', async () => {
      const variable: VariableSpec = {
        name: 'branch',
        options: branches.map((b) => b.branch_id),
        selected: branches.slice(0, 2).map((b) => b.branch_id),
      };
      const { datasource } = touchpointDatasource(service.url, TOKEN, [variable]);
      const metricQuery = {
        refId: 'A',
        kind: 'metric' as const,
        version: 1 as const,
        metric: 'csat',
        groupBy: ['branch_id'],
        interval: 'week' as const,
        filters: { branch_id: ['$branch'] },
      };
      const catalog = await datasource.getCatalog();
      const preview = metricSqlPreview(
        catalog.metrics.find((m) => m.name === 'csat')!,
        metricQuery
      );
      if (!('sql' in preview)) {
        throw new Error(preview.reason);
      }
      const [metric, sql] = await Promise.all([
        run(datasource.query(request([metricQuery]))),
        // Another panel: the same requestId would cancel the first request, as Grafana does on refresh.
        run(
          datasource.query(
            request([{ refId: 'B', kind: 'sql', version: 1, format: 'table', sql: preview.sql }], {
              requestId: 'panel-2',
            })
          )
        ),
      ]);
      expect(sql.errors).toEqual([]);
      const table = sql.data[0] as DataFrame;
      for (const frame of metric.data as DataFrame[]) {
        const value = frame.fields.find((field) => field.name !== 'n' && field.type === FieldType.number)!;
        const rows = column(table, 'branch_id').flatMap((branch, row) =>
          branch === value.labels?.branch_id ? [row] : []
        );
        expect(frame.fields[0].values).toEqual(rows.map((row) => column(table, 'time')[row]));
        value.values.forEach((v, i) => expect(v).toBeCloseTo(column(table, 'csat')[rows[i]] as number, 9));
      }
      expect(metric.data).toHaveLength(2);
    });

    it('filters a metric by a dashboard variable, sent as its selected values', async () => {
      const chosen = branches.slice(0, 2).map((b) => b.branch_id);
      const variable: VariableSpec = { name: 'branch', options: branches.map((b) => b.branch_id), selected: chosen };
      const { datasource, proxy } = touchpointDatasource(service.url, TOKEN, [variable]);
      const response = await run(
        datasource.query(
          request([
            {
              refId: 'A',
              kind: 'metric',
              version: 1,
              metric: 'csat',
              groupBy: ['branch_id'],
              interval: 'auto',
              filters: { branch_id: ['$branch'] },
            },
          ])
        )
      );
      const labels = (response.data as DataFrame[])
        .map((frame) => frame.fields.find((field) => field.labels)?.labels?.branch_id)
        .sort();
      expect(labels).toEqual([...chosen].sort());
      expect(proxy.requests[0].body).toMatchObject({ queries: [{ kind: 'metric', filters: { branch_id: chosen } }] });
      expect(proxy.requests[0].body).toHaveProperty('queries.0.interval', 'auto');
      // The service settles auto from the panel's interval: one day here, one week for a weekly panel.
      expect((response.data as DataFrame[]).map((frame) => frame.meta?.custom?.interval)).toEqual(['day', 'day']);
      const weekly = await run(
        datasource.query(
          request(
            [{ refId: 'A', kind: 'metric', version: 1, metric: 'csat', groupBy: [], interval: 'auto', filters: {} }],
            { intervalMs: 7 * 86_400_000 }
          )
        )
      );
      expect(weekly.data[0].meta?.custom?.interval).toBe('week');
    });

    it.each([
      ['one value', (ids: string[]) => ids[0], 1],
      ['several values', (ids: string[]) => ids.slice(0, 3), 3],
      ['All', () => '$__all', -1],
    ])('binds a multi-value variable in SQL with %s as typed values', async (_, selected, expectedCount) => {
      const ids = branches.map((b) => b.branch_id);
      const { datasource, proxy } = touchpointDatasource(service.url, TOKEN, [
        { name: 'branch', options: ids, selected: selected(ids), multi: true, includeAll: true },
      ]);
      const response = await run(
        datasource.query(
          request([
            {
              refId: 'A',
              kind: 'sql',
              version: 1,
              format: 'table',
              sql: 'select distinct branch_id from fct_interactions where branch_id in ($branch) order by 1',
            },
          ])
        )
      );
      expect(response.errors).toEqual([]);
      const got = column(response.data[0], 'branch_id');
      expect(got).toHaveLength(expectedCount === -1 ? ids.length : expectedCount);
      const sent = (proxy.requests[0].body as { queries: Array<{ variables: Record<string, unknown> }> }).queries[0]
        .variables;
      expect(sent).toEqual({ branch: expectedCount === 1 ? ids[0] : expectedCount === -1 ? ids : ids.slice(0, 3) });
    });

    it('opens a panel’s SQL in Explore with its variable values, still bound, not spliced', async () => {
      const chosen = branches.slice(0, 2).map((b) => b.branch_id);
      const dashboard = touchpointDatasource(service.url, TOKEN, [
        { name: 'branch', options: branches.map((b) => b.branch_id), selected: chosen },
      ]);
      const sql = 'select distinct branch_id from fct_interactions where branch_id in ($branch) order by 1';
      const [settled] = dashboard.datasource.interpolateVariablesInQueries(
        [{ refId: 'A', kind: 'sql', version: 1, format: 'table', sql }],
        {}
      );
      expect(settled).toMatchObject({ sql, variables: { branch: chosen } });
      const explore = touchpointDatasource(service.url, TOKEN, []);
      const response = await run(explore.datasource.query(request([settled])));
      expect(column(response.data[0], 'branch_id')).toEqual([...chosen].sort());
    });

    it('shows a failing query as that query’s error and still answers the others', async () => {
      const { datasource } = touchpointDatasource(service.url, TOKEN);
      const response = await run(
        datasource.query(
          request([
            { refId: 'A', kind: 'sql', version: 1, format: 'table', sql: 'select count(*) as n from dim_branches' },
            { refId: 'B', kind: 'sql', version: 1, format: 'table', sql: 'select * from no_such_table' },
            { refId: 'C', kind: 'metric', version: 2 },
          ])
        )
      );
      expect(response.data.map((frame: DataFrame) => frame.refId)).toEqual(['A']);
      expect(column(response.data[0], 'n')).toEqual([branches.length]);
      expect(response.errors?.map((error) => error.refId).sort()).toEqual(['B', 'C']);
      expect(response.errors?.find((error) => error.refId === 'B')?.message).toMatch(/no_such_table/);
      expect(response.errors?.find((error) => error.refId === 'C')?.message).toMatch(/newer Touchpoint plugin/);
    });

    it('runs a query saved by another SQL datasource (rawSql, no version) after migrating it', async () => {
      const { datasource } = touchpointDatasource(service.url, TOKEN);
      const legacy = { refId: 'A', rawSql: 'select 42 as answer', format: 'table' } as unknown as TouchpointQuery;
      const response = await run(datasource.query(request([legacy])));
      expect(column(response.data[0], 'answer')).toEqual([42]);
    });

    it('drills from a branch to its customers and from a customer to their interactions in time order', async () => {
      const branch = branches[0].branch_id;
      const { datasource } = touchpointDatasource(service.url, TOKEN, [
        { name: 'branch', options: [branch], selected: branch },
      ]);
      const customers = await run(
        datasource.query(
          request([{ refId: 'A', kind: 'drill', version: 1, drill: 'branch_customers', branchId: '$branch' }])
        )
      );
      expect(customers.errors).toEqual([]);
      const customerId = String(column(customers.data[0], 'customer_id')[0]);
      const [expected] = await sqlRows(
        db,
        `select count(*) as n from dim_customers where branch_id = '${branch}' and started_at < '2024-07-01' and (ended_at is null or ended_at >= '2024-01-01')`
      );
      expect(customers.data[0].length).toBe(Math.min(Number(expected.n), 500));
      const contacts = await run(
        datasource.query(
          request([{ refId: 'A', kind: 'drill', version: 1, drill: 'customer_interactions', customerId }])
        )
      );
      const times = column(contacts.data[0], 'time') as number[];
      expect(times.length).toBeGreaterThan(0);
      expect([...times].sort((a, b) => a - b)).toEqual(times);
    });

    it('says which variable a drill cannot use when it has several values selected', async () => {
      const { datasource, proxy } = touchpointDatasource(service.url, TOKEN, [
        {
          name: 'branch',
          options: branches.map((b) => b.branch_id),
          selected: branches.slice(0, 2).map((b) => b.branch_id),
        },
      ]);
      const response = await run(
        datasource.query(
          request([{ refId: 'A', kind: 'drill', version: 1, drill: 'branch_customers', branchId: '$branch' }])
        )
      );
      expect(response.errors).toEqual([
        { refId: 'A', message: 'branchId needs one value, but $branch has 2 selected' },
      ]);
      expect(proxy.requests).toHaveLength(0);
    });

    it.each(examples.map((example) => [example.title, example] as const))(
      'runs the help example “%s” without error',
      async (_, example) => {
        const ids = branches.map((b) => b.branch_id);
        const { datasource } = touchpointDatasource(service.url, TOKEN, [
          { name: 'branch', options: ids, selected: '$__all', multi: true, includeAll: true },
        ]);
        const response = await run(
          datasource.query(request([{ refId: 'A', kind: 'sql', version: 1, format: example.format, sql: example.sql }]))
        );
        expect(response.errors).toEqual([]);
        expect(response.data.length).toBeGreaterThan(0);
      }
    );

    it('turns the README’s annotation query into a frame of time, text and tags', async () => {
      const readme = readFileSync(join(__dirname, '..', '..', 'datasource', 'grafana', 'README.md'), 'utf8');
      const sql = /```sql\n([\s\S]*?)```/.exec(readme)![1].replace('>= 10', '>= 1');
      const ids = branches.map((b) => b.branch_id);
      const { datasource } = touchpointDatasource(service.url, TOKEN, [
        { name: 'branch', options: ids, selected: '$__all', multi: true },
      ]);
      expect(datasource.annotations).toBeDefined();
      const response = await run(
        datasource.query(request([{ refId: 'Anno', kind: 'sql', version: 1, format: 'table', sql }]))
      );
      expect(response.errors).toEqual([]);
      const frame = response.data[0] as DataFrame;
      expect(frame.fields.map((field) => [field.name, field.type])).toEqual([
        ['time', FieldType.time],
        ['text', FieldType.string],
        ['tags', FieldType.string],
      ]);
      expect(frame.length).toBeGreaterThan(0);
      expect(String(column(frame, 'text')[0])).toMatch(/^Detractor spike: \d+$/);
    });

    it('cancels the request in flight when the panel unsubscribes, and the service stops the query', async () => {
      const { datasource } = touchpointDatasource(service.url, TOKEN);
      const slow = datasource
        .query(
          request([
            {
              refId: 'A',
              kind: 'sql',
              version: 1,
              format: 'table',
              sql: 'select count(*) from range(20000000000) as a(x) where x % 7 = 3',
            },
          ])
        )
        .subscribe();
      const load = async () => (await getJson<{ load: { running: number } }>(`${service.url}/api/health`)).load.running;
      await waitFor(async () => (await load()) === 1);
      slow.unsubscribe();
      await waitFor(async () => (await load()) === 0, 3000);
    });

    it('replaces a request still in flight when the same panel asks again (refresh)', async () => {
      const { datasource } = touchpointDatasource(service.url, TOKEN);
      const results: DataQueryResponse[] = [];
      datasource
        .query(
          request([
            {
              refId: 'A',
              kind: 'sql',
              version: 1,
              format: 'table',
              sql: 'select count(*) as n from range(20000000000) as a(x) where x % 7 = 3',
            },
          ])
        )
        .subscribe((response) => results.push(response));
      const load = async () => (await getJson<{ load: { running: number } }>(`${service.url}/api/health`)).load.running;
      await waitFor(async () => (await load()) === 1);
      const second = await firstValueFrom(
        datasource.query(request([{ refId: 'A', kind: 'sql', version: 1, format: 'table', sql: 'select 1 as n' }]))
      );
      expect(column(second.data[0], 'n')).toEqual([1]);
      // The first request was aborted, so the service stopped its query; the panel never saw an answer to it.
      await waitFor(async () => (await load()) === 0, 3000);
      expect(results).toEqual([]);
    });
  });

  describe('metricFindQuery', () => {
    it('lists branches as values with their names as text', async () => {
      const { datasource } = touchpointDatasource(service.url, TOKEN);
      const options = await datasource.metricFindQuery({ refId: 'variable', version: 1, kind: 'branches' });
      expect(options).toEqual(branches.map((b) => ({ value: b.branch_id, text: b.branch_name })));
    });

    it.each([
      ['regions', 'select distinct region as v from dim_branches order by 1'],
      ['channels', 'select channel as v from ref_channels order by label'],
      ['agents', 'select distinct agent_id as v from fct_interactions where agent_id is not null order by 1'],
      ['touchpoints', 'select touchpoint as v from ref_touchpoints order by label'],
    ] as const)('lists %s', async (kind, truth) => {
      const { datasource } = touchpointDatasource(service.url, TOKEN);
      const options = await datasource.metricFindQuery({ refId: 'variable', version: 1, kind });
      expect(options.map((option) => option.value)).toEqual((await sqlRows(db, truth)).map((row) => row.v));
    });

    it('runs any SQL saved as a plain string, with the dashboard’s variables bound', async () => {
      const region = (await sqlRows(db, 'select min(region) as r from dim_branches'))[0].r as string;
      const { datasource } = touchpointDatasource(service.url, TOKEN, [
        { name: 'region', options: [region], selected: region },
      ]);
      const options = await datasource.metricFindQuery(
        'select branch_id as __value, branch_name as __text from dim_branches where region = $region order by 1'
      );
      const truth = await sqlRows(
        db,
        `select branch_id as value, branch_name as text from dim_branches where region = '${region}' order by 1`
      );
      expect(options).toEqual(truth);
    });

    it('rejects with the service’s message when the SQL is wrong', async () => {
      const { datasource } = touchpointDatasource(service.url, TOKEN);
      await expect(
        datasource.metricFindQuery({ refId: 'variable', version: 1, kind: 'sql', sql: 'delete from dim_branches' })
      ).rejects.toThrow(/SELECT/i);
    });
  });
});

const waitFor = async (condition: () => Promise<boolean>, timeoutMs = 5000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) {
      throw new Error(`condition not met within ${timeoutMs} ms`);
    }
    await new Promise((done) => setTimeout(done, 25));
  }
};
