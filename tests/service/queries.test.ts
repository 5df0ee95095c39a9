import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalogResponseSchema, healthSchema } from '@touchpoint/contract/src/serviceResponses';
import { writeSmallWarehouse } from '@touchpoint/server/src/testing/smallWarehouse';
import { startTestService, type TestService } from '../support/startTestService';

const range = { from: '2024-01-01T00:00:00Z', to: '2024-05-01T00:00:00Z' };

describe('touchpoint serve: queries', () => {
  const dir = mkdtempSync(join(tmpdir(), 'touchpoint-serve-'));
  let t: TestService;
  beforeAll(async () => {
    await writeSmallWarehouse(join(dir, 'w.duckdb'));
    t = await startTestService(join(dir, 'w.duckdb'));
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const results = (queries: unknown[], extra: Record<string, unknown> = {}) =>
    t.results({ ...range, ...extra, queries });

  it('reports health with the data version and freshness', async () => {
    const health = healthSchema.parse(await (await fetch(`${t.url}/api/health`)).json());
    expect(health).toMatchObject({ status: 'ok', service: 'touchpoint', mappingVersion: '2024.1' });
    expect(health.dataVersion).toMatch(/^[0-9a-f]{16}$/);
    expect(health.asOf).toBe(Date.parse('2024-04-24T22:20:00Z'));
  });

  it('serves the catalog: metrics by level with bands, dimensions, tables with columns, macros', async () => {
    const catalog = catalogResponseSchema.parse(await (await fetch(`${t.url}/api/catalog`)).json());
    const sli = catalog.metrics.find((m) => m.name === 'sli');
    expect(sli).toMatchObject({ level: 'relationship', min: -100, max: 100 });
    expect(sli?.bands).toHaveLength(5);
    expect(catalog.dimensions).toEqual(expect.arrayContaining(['branch_id', 'region', 'channel', 'touchpoint']));
    const fct = catalog.tables.find((x) => x.table === 'fct_interactions');
    expect(fct?.comment).toMatch(/one row per contact/);
    expect(fct?.columns.map((c) => c.name)).toEqual(
      expect.arrayContaining(['interaction_id', 'opened_at', 'csat_score'])
    );
    expect(catalog.macros).toContain('$__timeFilter');
  });

  it('answers SQL as a table frame with typed fields; numbers are numbers, times are epoch ms', async () => {
    const { A } = await results([
      {
        refId: 'A',
        kind: 'sql',
        sql: 'select branch_id, count(*) as contacts, min(opened_at) as first from fct_interactions where $__timeFilter(opened_at) group by 1 order by 1',
      },
    ]);
    const frame = A.frames[0];
    expect(frame.schema.fields.map((f) => [f.name, f.type])).toEqual([
      ['branch_id', 'string'],
      ['contacts', 'number'],
      ['first', 'time'],
    ]);
    expect(frame.data.values[0]).toEqual(['B1', 'B2', 'B3']);
    expect(frame.data.values[1].every((v) => typeof v === 'number')).toBe(true);
    expect((frame.data.values[1] as number[]).reduce((a, b) => a + b, 0)).toBe(1700);
    expect(typeof frame.data.values[2][0]).toBe('number');
  });

  it('answers SQL as time series: time first and sorted, one frame per series with labels', async () => {
    const { A } = await results([
      {
        refId: 'A',
        kind: 'sql',
        format: 'time_series',
        sql: "select channel, count(*) as contacts, $__timeGroup(opened_at, '1w') as time from fct_interactions where $__timeFilter(opened_at) and channel in ('phone', 'chat') group by all order by contacts desc",
      },
    ]);
    expect(A.frames).toHaveLength(2);
    for (const frame of A.frames) {
      expect(frame.schema.fields[0]).toMatchObject({ name: 'time', type: 'time' });
      expect(frame.schema.fields[1].labels).toHaveProperty('channel');
      const times = frame.data.values[0] as number[];
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
  });

  it('binds dashboard variables: single, multi-value and All as typed values', async () => {
    const sql = 'select count(*) as n from fct_interactions where branch_id in ($branch) and agent_id = $agent';
    const { one, many, all } = await results([
      { refId: 'one', kind: 'sql', sql, variables: { branch: 'B1', agent: 'A1' } },
      { refId: 'many', kind: 'sql', sql, variables: { branch: ['B1', 'B2'], agent: 'A1' } },
      { refId: 'all', kind: 'sql', sql, variables: { branch: ['B1', 'B2', 'B3'], agent: 'A1' } },
    ]);
    const n = (r: typeof one) => r.frames[0].data.values[0][0] as number;
    expect(n(one)).toBeGreaterThan(0);
    expect(n(many)).toBeGreaterThan(n(one));
    expect(n(all)).toBeGreaterThan(n(many));
  });

  it('reads a multi-value variable with nothing picked as an empty set, whatever the column’s type', async () => {
    const { numbers, texts, bare } = await results([
      {
        refId: 'numbers',
        kind: 'sql',
        sql: 'select count(*) as n from fct_interactions where handle_seconds in ($seconds)',
        variables: { seconds: [] },
      },
      {
        refId: 'texts',
        kind: 'sql',
        sql: 'select count(*) filter (where branch_id not in ($branch)) as kept, count(*) as every from fct_interactions',
        variables: { branch: [] },
      },
      {
        // Used bare, not in `in (...)`: a list of no values, of whatever type the column asks for.
        refId: 'bare',
        kind: 'sql',
        sql: 'select count(*) filter (where list_contains($seconds, handle_seconds)) as n, len($seconds) as picked from fct_interactions',
        variables: { seconds: [] },
      },
    ]);
    expect(numbers.error).toBeUndefined();
    expect(numbers.frames[0].data.values[0]).toEqual([0]);
    expect(bare.error).toBeUndefined();
    expect(bare.frames[0].data.values).toEqual([[0], [0]]);
    const [kept, every] = texts.frames[0].data.values;
    expect(every[0]).toBeGreaterThan(0);
    expect(kept).toEqual(every);
  });

  it('derives $__interval from the range the data covers when Grafana sends none', async () => {
    const { A } = await results([{ refId: 'A', kind: 'sql', sql: 'select $__interval_ms as ms' }], {
      maxDataPoints: 100,
    });
    // The range ends at the data's latest event (2024-04-24 22:20), not at the requested 2024-05-01.
    const covered = Date.parse('2024-04-24T22:20:00Z') + 1 - Date.parse(range.from);
    expect(A.frames[0].data.values[0]).toEqual([Math.ceil(covered / 100)]);
  });

  it('fails one bad query alone, with a code and a message a person can act on', async () => {
    const { good, bad } = await results([
      { refId: 'good', kind: 'sql', sql: 'select 1 as one' },
      { refId: 'bad', kind: 'sql', sql: 'select nope from fct_interactions' },
    ]);
    expect(good.frames[0].data.values[0]).toEqual([1]);
    expect(bad.error).toEqual({ code: 'bad_sql', message: expect.stringMatching(/nope/) });
  });

  it('serves a metric per branch from the rollup, with n and low-confidence marks', async () => {
    const { A } = await results([{ refId: 'A', kind: 'metric', metric: 'sli', groupBy: ['branch_id'] }]);
    const [frame] = A.frames;
    expect(frame.schema.fields.map((f) => f.name)).toEqual([
      'branch_id',
      'sli',
      'n',
      'low_confidence',
      'branch_name',
      'region',
    ]);
    expect(frame.schema.fields[1].config).toMatchObject({ displayName: 'SLI', min: -100, max: 100 });
    const [branches, values] = frame.data.values as [string[], number[]];
    expect(branches).toEqual(['B1', 'B2', 'B3']);
    expect(values[1]).toBeGreaterThan(values[0]);
    expect(values[0]).toBeGreaterThan(values[2]);
    expect(frame.schema.meta?.custom).toMatchObject({ source: 'hybrid', level: 'relationship', minN: 30 });
  });

  it('carries the catalog bands on the value field, and on every frame of every kind the data’s freshness, version and minimum n', async () => {
    const { A, sql, drill } = await results([
      { refId: 'A', kind: 'metric', metric: 'sli', groupBy: ['branch_id'] },
      { refId: 'sql', kind: 'sql', sql: 'select * from rel_cohort_retention' },
      { refId: 'drill', kind: 'drill', drill: 'branch_customers', branchId: 'B1' },
    ]);
    const bands = (A.frames[0].schema.fields[1].config?.custom as { bands: Array<{ label: string }> }).bands;
    expect(bands.map((b) => b.label)).toEqual(['Excellent', 'Good', 'Neutral', 'Bad', 'Unacceptable']);
    for (const frame of [A.frames[0], sql.frames[0], drill.frames[0]]) {
      expect(frame.schema.meta?.custom).toMatchObject({
        asOf: Date.parse('2024-04-24T22:20:00Z'),
        dataVersion: expect.stringMatching(/^[0-9a-f]{16}$/),
        minN: 30,
      });
    }
  });

  it('sends a metric’s description and bands once per answer, on its first series; the others name the metric', async () => {
    const { T } = await results([
      { refId: 'T', kind: 'metric', metric: 'sli', groupBy: ['branch_id'], interval: 'week' },
    ]);
    expect(T.frames.length).toBeGreaterThan(1);
    const [first, ...rest] = T.frames.map((frame) => frame.schema.fields[1].config);
    expect(first).toMatchObject({ displayName: 'SLI', description: expect.stringContaining('Satisfaction Level') });
    expect((first?.custom as { bands: unknown[] }).bands).toHaveLength(5);
    for (const config of rest) {
      // What Grafana's own panels draw with stays on every series.
      expect(config).toEqual({
        displayName: 'SLI',
        unit: 'none',
        decimals: 1,
        min: -100,
        max: 100,
        custom: { metric: 'sli' },
      });
    }
  });

  it('sets each branch beside its own value in the equally long period before, with the change', async () => {
    // 2024-03-01..04-01 against 2024-01-30..03-01: both 31 days.
    const { now, before } = await results(
      [{ refId: 'now', kind: 'metric', metric: 'sli', groupBy: ['branch_id'], compare: 'previous_period' }],
      {
        from: '2024-03-01T00:00:00Z',
        to: '2024-04-01T00:00:00Z',
      }
    ).then(async (first) => ({
      now: first.now,
      before: (
        await results([{ refId: 'before', kind: 'metric', metric: 'sli', groupBy: ['branch_id'] }], {
          from: '2024-01-30T00:00:00Z',
          to: '2024-03-01T00:00:00Z',
        })
      ).before,
    }));
    const fields = now.frames[0].schema.fields.map((f) => f.name);
    expect(fields).toEqual([
      'branch_id',
      'sli',
      'n',
      'low_confidence',
      'previous',
      'previous_n',
      'change',
      'branch_name',
      'region',
    ]);
    const [, value, , , previous, previousN, change] = now.frames[0].data.values as number[][];
    const [, expected, expectedN] = before.frames[0].data.values as number[][];
    expect(previous).toEqual(expected);
    expect(previousN).toEqual(expectedN);
    expect(change.map((c, i) => c - (value[i] - expected[i]))).toEqual([0, 0, 0]);
  });

  it('refuses to compare a time series, saying what to do instead', async () => {
    const { A } = await results([
      { refId: 'A', kind: 'metric', metric: 'sli', interval: 'week', compare: 'previous_period' },
    ]);
    expect(A.error).toMatchObject({
      code: 'bad_request',
      message: expect.stringMatching(/whole-range.*remove the interval/),
    });
  });

  it('gives the same metric value as the SQL macro $__metric over the same rows', async () => {
    const { metric, sql } = await results([
      { refId: 'metric', kind: 'metric', metric: 'csat', groupBy: ['region'] },
      {
        refId: 'sql',
        kind: 'sql',
        sql: 'select region, $__metric(csat) as csat from fct_interactions where $__timeFilter(opened_at) group by region order by region',
      },
    ]);
    expect(metric.frames[0].data.values[1]).toEqual(sql.frames[0].data.values[1]);
  });

  it('serves a metric trend by interval as time series, coarsened to fit maxDataPoints', async () => {
    const daily = await results([{ refId: 'A', kind: 'metric', metric: 'volume', interval: 'day' }]);
    expect(daily.A.frames[0].data.values[0].length).toBeGreaterThan(100);
    const fitted = await results([{ refId: 'A', kind: 'metric', metric: 'volume', interval: 'day' }], {
      maxDataPoints: 10,
    });
    const [frame] = fitted.A.frames;
    expect(frame.data.values[0].length).toBeLessThanOrEqual(10);
    expect(frame.schema.meta?.notices).toEqual([expect.objectContaining({ severity: 'info' })]);
    expect((frame.data.values[1] as number[]).reduce((a, b) => a + b, 0)).toBe(1700);
  });

  it('names the SQL it ran once per query, on its first series, and the data on every series', async () => {
    const { A } = await results([
      { refId: 'A', kind: 'metric', metric: 'sli', interval: 'week', groupBy: ['branch_id'] },
    ]);
    expect(A.frames.map((f) => f.schema.name)).toEqual(['B1', 'B2', 'B3']);
    const [first, ...rest] = A.frames.map((f) => f.schema.meta);
    expect(first?.executedQueryString).toMatch(/agg_response_daily/);
    for (const meta of rest) {
      expect(meta?.executedQueryString).toBeUndefined();
      expect(meta?.custom).toMatchObject({ dataVersion: first?.custom?.dataVersion, metric: 'sli' });
    }
  });

  it('drills from a branch to its customers and from a customer to their contacts and ratings', async () => {
    const { customers } = await results([
      { refId: 'customers', kind: 'drill', drill: 'branch_customers', branchId: 'B1' },
    ]);
    const fields = customers.frames[0].schema.fields.map((f) => f.name);
    expect(fields).toEqual(expect.arrayContaining(['customer_id', 'status', 'tenure_days', 'nps', 'sli', 'contacts']));
    const customerId = customers.frames[0].data.values[0][0] as string;
    const { contacts } = await results([
      { refId: 'contacts', kind: 'drill', drill: 'customer_interactions', customerId },
    ]);
    const frame = contacts.frames[0];
    const times = frame.data.values[0] as number[];
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const events = frame.data.values[frame.schema.fields.findIndex((f) => f.name === 'event')];
    expect(new Set(events)).toEqual(new Set(['contact', 'rating']));
  });

  it('drills from a cohort cell and from a day', async () => {
    const { cohort, cohortAtB1, day } = await results([
      { refId: 'cohort', kind: 'drill', drill: 'cohort_customers', cohortMonth: '2024-01' },
      { refId: 'cohortAtB1', kind: 'drill', drill: 'cohort_customers', cohortMonth: '2024-01', branchId: 'B1' },
      { refId: 'day', kind: 'drill', drill: 'day_interactions', day: '2024-01-03', branchId: 'B2' },
    ]);
    expect(cohort.frames[0].data.values[0].length).toBeGreaterThan(0);
    const branchOf = (frame: (typeof cohort.frames)[number]) =>
      frame.data.values[frame.schema.fields.findIndex((f) => f.name === 'branch_id')];
    const atB1 = branchOf(cohort.frames[0]).filter((branch) => branch === 'B1').length;
    expect(atB1).toBeGreaterThan(0);
    expect(atB1).toBeLessThan(cohort.frames[0].data.values[0].length);
    expect(branchOf(cohortAtB1.frames[0])).toEqual(new Array(atB1).fill('B1'));
    const branches = day.frames[0].data.values[day.frames[0].schema.fields.findIndex((f) => f.name === 'branch_id')];
    expect(branches.length).toBeGreaterThan(0);
    expect(new Set(branches)).toEqual(new Set(['B2']));
  });

  it('names what a drill is missing', async () => {
    const { A } = await results([{ refId: 'A', kind: 'drill', drill: 'customer_interactions' }]);
    expect(A.error).toEqual({ code: 'bad_request', message: "drill 'customer_interactions' needs customerId" });
  });

  it('rejects a malformed request with 400 naming the field', async () => {
    const response = await t.query({
      from: 'yesterday',
      to: range.to,
      queries: [{ refId: 'A', kind: 'sql', sql: 'select 1' }],
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ code: 'bad_request', message: expect.stringMatching(/from.*not a time/) });
  });

  it('caches repeated requests and coalesces identical concurrent ones', async () => {
    const body = [
      { refId: 'C', kind: 'sql', sql: "select count(*) as n, 'coalesce-probe' as probe from fct_responses" },
    ];
    await Promise.all([results(body), results(body), results(body)]);
    await results(body);
    const probes = t.logs.filter((l) => l.msg === 'query' && l.refId === 'C');
    expect(probes).toHaveLength(4);
    expect(probes.filter((l) => l.cached === false)).toHaveLength(1);
  });

  it('logs one line per query with kind, duration, rows, bytes and outcome', async () => {
    await results([{ refId: 'logged', kind: 'metric', metric: 'nps' }]);
    const line = t.logs.find((l) => l.msg === 'query' && l.refId === 'logged');
    expect(line).toMatchObject({ kind: 'metric', outcome: 'ok', rows: 1 });
    expect(typeof line?.durationMs).toBe('number');
    expect(typeof line?.bytes).toBe('number');
  });
});
