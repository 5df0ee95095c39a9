import { planSeed, randomSource, seedOptionsSchema, seedRawTables } from '@touchpoint/seed';
import { metricQuerySchema, type MetricQueryInput } from '@touchpoint/contract/src/metricQuery';
import { DAY_MS, floorDay, type TimeRange } from '@touchpoint/contract/src/timeRange';
import type { MetricDefinition } from '@touchpoint/server/src/catalog/metricCatalog';
import { readRows, type Row } from '@touchpoint/server/src/db/readRows';
import { compileFormula } from '@touchpoint/server/src/metrics/metricFormula';
import { keptMetricPlan, runKeptMetric, type KeptMetricDays } from '@touchpoint/server/src/metrics/runKeptMetric';
import { everyRank, quantileOfTwo, rankWindowSql, readQuantile } from '@touchpoint/server/src/metrics/metricQuantile';
import { planMetricSource } from '@touchpoint/server/src/metrics/planMetricSource';
import { arbitraryRanges } from '../support/arbitraryRanges';
import { buildTestWarehouse, type TestWarehouse } from '../support/buildTestWarehouse';
import { mapKeeper } from '../support/mapKeeper';
import { metricEvaluator } from '../support/metricHelpers';

// Seeded data, so every branch, channel and day has real volume.
const plan = planSeed(seedOptionsSchema.parse({ scale: 0.05, seed: 11, end: '2026-06-30' }));
// The seed ends its data on the day before `end`.
const dataEnd = Date.UTC(2026, 5, 30);

/** Every metric summed over a fact (and its rollup), with a formula of arithmetic and nullif: kept as sums. */
const summedNames = [
  'aht',
  'ces_index',
  'ces_mean',
  'csat',
  'fcr',
  'followup_coverage',
  'followups_overdue',
  'frt_mean',
  'loop_closed_in_sla',
  'negative_ratings',
  'nps',
  'open_contacts',
  'recovery_rate',
  'resolution_mean',
  'responses',
  'sli',
  'volume',
];
/** Every quantile of one fact column: kept as the whole days' values in order. */
const quantileNames = [
  'followup_contact_median',
  'followup_contact_p90',
  'frt_median',
  'frt_p90',
  'resolution_median',
  'resolution_p90',
];
/** Every metric read from its rollup alone (a stock, or no fact): kept by the days its range touches. */
const rollupNames = [
  'active_customers',
  'arpu',
  'churn_rate',
  'churned_customers',
  'clv',
  'cohort_retention',
  'new_customers',
  'retention_rate',
];

describe("a metric's whole days kept and its edges added", () => {
  let warehouse: TestWarehouse;
  let metrics: Awaited<ReturnType<typeof metricEvaluator>>;
  let regions: string[];
  let columnsOf: (table: string) => ReadonlySet<string>;
  beforeAll(async () => {
    warehouse = await buildTestWarehouse((connection) => seedRawTables(connection, plan, randomSource(plan.seed)));
    metrics = await metricEvaluator(warehouse.connection);
    regions = (await readRows(warehouse.connection, 'select distinct region from dim_branches order by 1')).map((r) =>
      String(r.region)
    );
    const columns = await readRows(
      warehouse.connection,
      'select table_name, column_name from information_schema.columns'
    );
    columnsOf = (table) => new Set(columns.filter((c) => c.table_name === table).map((c) => String(c.column_name)));
  });
  afterAll(() => warehouse.close());

  const parse = (metric: MetricDefinition, query: Omit<MetricQueryInput, 'metric'>) =>
    metricQuerySchema.parse({ ...query, metric: metric.name });

  /** A question as the service plans it: its source, and the plan to keep its whole days. */
  const planned = (metric: MetricDefinition, shape: Omit<MetricQueryInput, 'metric'>) => {
    const query = parse(metric, shape);
    const source = planMetricSource(metric, query, columnsOf);
    return { source, kept: keptMetricPlan(metric, query, source) };
  };

  it('are kept, each as its kind: sums with edges, a quantile with edges, or a rollup alone by its days', () => {
    const byKind = (kind: string) =>
      metrics.catalog
        .filter((metric) => planned(metric, {}).kept?.kind === kind)
        .map((metric) => metric.name)
        .sort();
    expect(byKind('sums')).toEqual(summedNames);
    expect(byKind('quantile')).toEqual(quantileNames);
    expect(byKind('days')).toEqual(rollupNames);
    expect(metrics.catalog.length).toBe(summedNames.length + quantileNames.length + rollupNames.length);
  });

  it.each(rollupNames)(
    '%s, read from its rollup alone, is read once for every range touching the same days',
    async (name) => {
      const metric = metrics.definition(name);
      const lastDay = floorDay(dataEnd - 1);
      const shapes = [{}, { groupBy: ['region'] }, { groupBy: ['branch_id'], interval: 'month' as const }];
      for (const shape of shapes.filter((s) => (s.groupBy ?? []).every((d) => metric.dimensions.includes(d)))) {
        const { source, kept } = planned(metric, shape);
        const { keeper, uses } = mapKeeper<KeptMetricDays>(warehouse.connection);
        // Four moments of one day, then a range touching one day more.
        const ranges = [1, 3_600_000 + 7, DAY_MS - 1, DAY_MS + 1].map((offset) => ({
          from: lastDay + offset - 365 * DAY_MS,
          to: lastDay + offset,
        }));
        for (const range of ranges) {
          const result = await runKeptMetric(kept!, range, keeper);
          expect({ shape, range, rows: result!.rows }).toEqual({
            shape,
            range,
            rows: await metrics.rows(name, shape, range, source),
          });
        }
        // The last range starts and ends a day later: it reads anew.
        expect({ shape, uses }).toEqual({ shape, uses: { counted: 2, read: ranges.length } });
      }
    }
  );

  it('finds a quantile across two ascending arrays exactly as DuckDB finds it over their values together, from the ranks of the first its window keeps', async () => {
    let state = 29;
    const random = () => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state / 2 ** 31;
    };
    const ascending = (length: number) =>
      Float64Array.from({ length }, () => Math.round(random() * 50) / (random() < 0.5 ? 1 : 7)).sort();
    for (const [lengthA, lengthB] of [
      [0, 1],
      [1, 0],
      [5, 3],
      [40, 1],
      [1, 40],
      [0, 17],
      [200, 13],
      [13, 13],
      [500, 2],
    ]) {
      const [a, edges] = [ascending(lengthA), ascending(lengthB)];
      for (const fraction of [0, 0.1, 0.25, 0.5, 0.9, 1]) {
        // The ranks of `a` kept for up to lengthB added values, as the whole days' statement computes them.
        const bounds = rankWindowSql('$count', '$edge', fraction);
        const [window] = await readRows(warehouse.connection, `select ${bounds.from} as "from", ${bounds.to} as "to"`, {
          count: lengthA,
          edge: lengthB,
        });
        const [from, to] = [Math.max(0, Number(window.from)), Math.min(lengthA - 1, Number(window.to))];
        const kept = { values: a.slice(from, to + 1), offset: from, count: lengthA };
        for (const added of new Set([0, lengthB >> 1, lengthB])) {
          const b = edges.subarray(0, added);
          const [expected] = await readRows(
            warehouse.connection,
            `select quantile_cont(x, ${fraction}) as q from (select unnest($values::double[]) as x)`,
            { values: `[${[...a, ...b].join(',')}]` }
          );
          const label = { lengthA, added, fraction };
          expect({ ...label, q: quantileOfTwo(everyRank(a), b, fraction) }).toEqual({ ...label, q: expected.q });
          expect({ ...label, q: quantileOfTwo(kept, b, fraction) }).toEqual({ ...label, q: expected.q });
        }
      }
    }
    expect(quantileOfTwo(everyRank(new Float64Array(0)), new Float64Array(0), 0.5)).toBeNull();
    // Cut too narrow, a window says so instead of answering wrong.
    const values = ascending(100);
    expect(() =>
      quantileOfTwo({ values: values.slice(60, 70), offset: 60, count: 100 }, new Float64Array(0), 0.5)
    ).toThrow('rank 49 of 100 is outside the kept ranks 60 to 69');
  });

  it("reads every kept metric's formula and n as DuckDB evaluates them, NULLs and zero divisors included", async () => {
    // The sums' types as the whole days' statement gives them: sum(BIGINT) is HUGEINT, sum(DOUBLE) DOUBLE.
    const typeRows = await readRows(
      warehouse.connection,
      `select column_name, data_type from information_schema.columns
       where table_name in ('agg_interaction_daily', 'agg_response_daily', 'agg_followup_daily')`
    );
    const typeOf = new Map(typeRows.map((r) => [String(r.column_name), String(r.data_type)]));
    let state = 17;
    const random = () => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state / 2 ** 31;
    };
    for (const name of summedNames) {
      const metric = metrics.definition(name);
      const components = metric.components.map((c) => c.name);
      const value = compileFormula(metric.formula, components)!;
      const n = compileFormula(metric.n, components)!;
      for (let draw = 0; draw < 40; draw += 1) {
        const sums: Record<string, number | null> = {};
        const literals = components.map((component) => {
          const double = typeOf.get(component) === 'DOUBLE';
          const roll = random();
          const sum = roll < 0.15 ? null : roll < 0.35 ? 0 : double ? random() * 1e6 : Math.floor(random() * 1e6);
          sums[component] = sum;
          return `${sum === null ? 'null' : String(sum)}::${double ? 'double' : 'hugeint'} as ${component}`;
        });
        const [evaluated] = await readRows(
          warehouse.connection,
          `select (${metric.formula})::double as value, coalesce((${metric.n})::bigint, 0) as n from (select ${literals.join(', ')})`
        );
        const ours = value(sums);
        expect({ name, sums, value: ours !== null && Number.isFinite(ours) ? ours : null, n: n(sums) ?? 0 }).toEqual({
          name,
          sums,
          value: evaluated.value,
          n: evaluated.n,
        });
      }
    }
  });

  it('reads no formula beyond arithmetic and nullif over its own components', () => {
    expect(compileFormula('100.0 * a / nullif(b, 0)', ['a', 'b'])!({ a: 3, b: 4 })).toBe(75);
    expect(compileFormula('-(a - b) * 2', ['a', 'b'])!({ a: 3, b: 4 })).toBe(2);
    expect(compileFormula('nullif(a, 0)', ['a'])!({ a: 0 })).toBeNull();
    expect(compileFormula('a + c', ['a'])).toBeUndefined();
    expect(compileFormula('a / (select gross_margin from model_params)', ['a'])).toBeUndefined();
    expect(compileFormula('quantile_cont(a, 0.5)', ['a'])).toBeUndefined();
    expect(compileFormula('a::double', ['a'])).toBeUndefined();
    expect(compileFormula('(a', ['a'])).toBeUndefined();
    expect(compileFormula('a b', ['a', 'b'])).toBeUndefined();
  });

  /**
   * Keys and counts exactly; a quantile's value exactly (DuckDB's own
   * interpolation), a sum's within the last bits of a sum of doubles; or
   * null on both sides.
   */
  const expectSameRows = (kept: Row[], atOnce: Row[], label: { name: string; [more: string]: unknown }) => {
    const keys = (rows: Row[]) => rows.map(({ value, ...rest }) => ({ ...rest, hasValue: value !== null }));
    expect({ ...label, rows: keys(kept) }).toEqual({ ...label, rows: keys(atOnce) });
    const exact = quantileNames.includes(label.name);
    kept.forEach((row, i) => {
      if (row.value !== null) {
        expect({ ...label, i, value: row.value }).toEqual({
          ...label,
          i,
          value: exact ? atOnce[i].value : expect.closeTo(Number(atOnce[i].value), 9),
        });
      }
    });
  };

  const shapes = (metric: MetricDefinition): Array<Omit<MetricQueryInput, 'metric'>> => {
    const other = metric.dimensions.find((d) => !['branch_id', 'region', 'agent_id'].includes(d));
    return [
      {},
      // Not in the rollup: whole days summed from the fact.
      ...(metric.dimensions.includes('agent_id') ? [{ groupBy: ['agent_id'], interval: 'week' as const }] : []),
      { groupBy: ['branch_id'] },
      { groupBy: ['region'], interval: 'week' },
      { interval: 'day' },
      ...(other ? [{ groupBy: [other], filters: { region: [regions[0]] } }] : []),
    ];
  };

  it.each([...summedNames, ...quantileNames].sort())(
    "%s: a wall's moving range, each request adding its edges to whole days summed once, equals the range read at once",
    async (name) => {
      const metric = metrics.definition(name);
      const lastDay = floorDay(dataEnd - 1);
      // `now-90d` to `now` at four moments of the data's last day: one set of whole days.
      const moving = [1, 3_600_000 + 7, 12 * 3_600_000 + 41_113, DAY_MS - 1].map((offset) => ({
        from: lastDay + offset - 90 * DAY_MS,
        to: lastDay + offset,
      }));
      let added = 0;
      for (const shape of shapes(metric)) {
        const { source, kept } = planned(metric, shape);
        const { keeper, uses } = mapKeeper<KeptMetricDays>(warehouse.connection);
        for (const range of moving) {
          const result = await runKeptMetric(kept!, range, keeper);
          const atOnce = await metrics.rows(name, shape, range, source);
          expect(atOnce.length).toBeGreaterThan(0);
          expectSameRows(result!.rows, atOnce, { name, shape, range });
        }
        expect({ shape, uses }).toEqual({ shape, uses: { counted: 1, read: moving.length } });
        // By day, the last day is a bucket the whole days never had: it is put in its place.
        if (shape.interval === 'day') {
          const result = await runKeptMetric(kept!, moving[3], keeper);
          added += result!.rows.filter((row) => Number(row.time) === lastDay).length;
        }
      }
      expect(added).toBe(1);
    }
  );

  it.each(['resolution_median', 'frt_p90'])(
    "%s keeps of 90 days' values only the ranks its quantile can reach, bounded by the edge days' values",
    async (name) => {
      const metric = metrics.definition(name);
      const { fact, factTime } = metric.source;
      const column = readQuantile(metric)!.column;
      const { kept: plan } = planned(metric, { groupBy: ['channel'] });
      const { keeper, kept } = mapKeeper<KeptMetricDays>(warehouse.connection);
      const to = floorDay(dataEnd - 1) + 3_600_000;
      const range = { from: to - 90 * DAY_MS, to };
      await runKeptMetric(plan!, range, keeper);
      const [held] = [...kept.values()];
      if (held.kind !== 'quantile') {
        throw new Error(`kept as ${held.kind}`);
      }
      const { distribution } = held;
      const [whole] = await readRows(
        warehouse.connection,
        `select count(${column})::int as n from ${fact} where ${factTime} >= $from and ${factTime} < $to`,
        { from: new Date(floorDay(range.from) + DAY_MS).toISOString(), to: new Date(floorDay(range.to)).toISOString() }
      );
      const edgeValues = distribution.boundary.components[0].filter((value) => !Number.isNaN(value)).length;
      const keys = distribution.rows.length;
      // Each key holds up to (1 + fraction) times its edge values, plus four ranks around the quantile.
      expect(distribution.count.reduce((sum, n) => sum + n, 0)).toBe(whole.n);
      expect(distribution.values.length).toBeLessThanOrEqual(2 * edgeValues + 4 * keys);
      expect(distribution.values.length).toBeLessThan(Number(whole.n) / 10);
    }
  );

  it.each(['sli', 'csat', 'followup_coverage', 'volume', 'frt_median', 'followup_contact_p90'])(
    '%s over ranges cut anywhere, each its own whole days, equals the range read at once',
    async (name) => {
      const metric = metrics.definition(name);
      const { fact, factTime } = metric.source;
      // Ranges starting and ending exactly on a fact row's time: the one at the start is in, the one at the end out.
      const onRows = await readRows(
        warehouse.connection,
        `select epoch_ms(${factTime}) as at from ${fact} where ${factTime} >= $from order by ${factTime} limit 1 offset 5`,
        { from: new Date(dataEnd - DAY_MS).toISOString() }
      );
      const startRows = await readRows(
        warehouse.connection,
        `select epoch_ms(${factTime}) as at from ${fact} where ${factTime} >= $from order by ${factTime} limit 1 offset 3`,
        { from: new Date(dataEnd - 70 * DAY_MS).toISOString() }
      );
      const [end, start] = [Number(onRows[0].at), Number(startRows[0].at)];
      const ranges: TimeRange[] = [
        { from: start, to: end },
        ...arbitraryRanges(5, 12, dataEnd - 400 * DAY_MS, dataEnd),
        // Starting or ending on midnight: one edge only.
        { from: floorDay(dataEnd) - 30 * DAY_MS, to: floorDay(dataEnd) - 3 * DAY_MS + 17 },
        { from: floorDay(dataEnd) - 30 * DAY_MS + 17, to: floorDay(dataEnd) - 3 * DAY_MS },
        // Both edges all but whole: the most a request adds to its whole days.
        { from: floorDay(dataEnd) - 30 * DAY_MS + 1, to: floorDay(dataEnd) - 3 * DAY_MS - 1 },
      ];
      for (const shape of shapes(metric)) {
        const { source, kept } = planned(metric, shape);
        const { keeper } = mapKeeper<KeptMetricDays>(warehouse.connection);
        for (const range of ranges) {
          const result = await runKeptMetric(kept!, range, keeper);
          if (!result) {
            // No whole day in the range: read at once, by the caller.
            expect(floorDay(range.to) <= floorDay(range.from) + DAY_MS).toBe(true);
            continue;
          }
          expectSameRows(result.rows, await metrics.rows(name, shape, range, source), { name, shape, range });
        }
      }
    }
  );
});
