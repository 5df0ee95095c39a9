import { readCatalogFile, readCatalogTable } from '@touchpoint/server/src/catalog/metricCatalog';
import { readRows } from '@touchpoint/server/src/db/readRows';
import { buildTestWarehouse, type TestWarehouse } from '../support/buildTestWarehouse';
import { metricEvaluator, utc } from '../support/metricHelpers';

describe('the metric catalog', () => {
  let warehouse: TestWarehouse;
  beforeAll(async () => {
    warehouse = await buildTestWarehouse(`insert into raw.branches values ('B1', 'Harbour Street', null, null);`);
  });
  afterAll(() => warehouse.close());

  it('is stored in the warehouse exactly as shipped in sql/catalog/metrics.json', async () => {
    expect(await readCatalogTable(warehouse.connection)).toEqual(
      [...readCatalogFile()].sort((a, b) => a.name.localeCompare(b.name))
    );
  });

  it('states the grain of every model in the database, for analysts', async () => {
    const undocumented = await readRows(
      warehouse.connection,
      `select table_name as name from duckdb_tables() where schema_name = 'main' and comment is null
       union all
       select view_name from duckdb_views() where schema_name = 'main' and not internal and comment is null`
    );
    expect(undocumented).toEqual([]);
  });

  it('keeps the two grains apart: every metric is interaction or relationship level', () => {
    const levels = Object.fromEntries(readCatalogFile().map((m) => [m.name, m.level]));
    expect(levels).toMatchObject({
      csat: 'interaction',
      ces_mean: 'interaction',
      ces_index: 'interaction',
      frt_median: 'interaction',
      resolution_p90: 'interaction',
      aht: 'interaction',
      fcr: 'interaction',
      sli: 'relationship',
      nps: 'relationship',
      churn_rate: 'relationship',
      retention_rate: 'relationship',
      clv: 'relationship',
      // The closed loop: handling a negative rating is service, its outcome is experience.
      followup_coverage: 'interaction',
      loop_closed_in_sla: 'interaction',
      followup_contact_median: 'interaction',
      followup_contact_p90: 'interaction',
      followups_overdue: 'interaction',
      negative_ratings: 'relationship',
      recovery_rate: 'relationship',
    });
  });

  it('gives the SLI the bands of docs/metrics.md', () => {
    const sli = readCatalogFile().find((m) => m.name === 'sli');
    expect(sli?.bands.map((b) => [b.label, b.min, b.max])).toEqual([
      ['Excellent', 50, 100],
      ['Good', 0, 50],
      ['Neutral', 0, 0],
      ['Bad', -50, 0],
      ['Unacceptable', -100, -50],
    ]);
  });

  const sources = readCatalogFile().flatMap((m) =>
    (['rollup', 'fact'] as const).filter((s) => m.source[s] !== null).map((s) => [m.name, s] as const)
  );
  it.each(sources)('metric %s compiles and runs over its %s, grouped and bucketed', async (name, source) => {
    const metrics = await metricEvaluator(warehouse.connection);
    const range = { from: utc('2024-01-01T00:00:00'), to: utc('2024-02-01T00:00:00') };
    const groupBy = metrics.definition(name).dimensions.slice(0, 2);
    await expect(metrics.rows(name, { groupBy, interval: 'week' }, range, source)).resolves.toBeInstanceOf(Array);
    await expect(metrics.rows(name, {}, range, source)).resolves.toHaveLength(1);
  });
});
