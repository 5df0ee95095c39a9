-- metric_catalog: one row per metric (key name), read from
-- sql/catalog/metrics.json: the single definition that the service, the
-- datasource's metric queries, the panel's thresholds and the docs all read.
-- `formula` is SQL over the aggregated components; components aggregate by
-- `sum` (flows) or `opening` (stocks: the value on the period's first day).
-- not null: level, unit, formula
create or replace table metric_catalog as
select *
from read_json(
    getvariable('catalog_file'),
    format = 'array',
    columns = {
        name: 'varchar',
        label: 'varchar',
        level: 'varchar',
        unit: 'varchar',
        min: 'double',
        max: 'double',
        direction: 'varchar',
        decimals: 'integer',
        description: 'varchar',
        formula: 'varchar',
        components: 'struct(name varchar, agg varchar)[]',
        n: 'varchar',
        source: 'struct(rollup varchar, "rollupTime" varchar, fact varchar, "factTime" varchar)',
        dimensions: 'varchar[]',
        bands: 'struct(label varchar, min double, max double, "includeMin" boolean, "includeMax" boolean, severity varchar)[]',
        goal: 'double'
    }
)
order by level, name;

comment on table metric_catalog is 'One row per metric (key name): level, unit, range, direction, bands, formula over components, source.';
