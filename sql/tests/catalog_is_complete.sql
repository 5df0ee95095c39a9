-- Every catalog metric names a level, a source that exists, and components
-- that its source has; returns the metrics that break this.
with sources as (
    select name, level, unnest([source.rollup, source.fact]) as source_table, components
    from metric_catalog
),

columns as (
    select table_name, column_name from duckdb_columns()
)

select name, 'unknown level' as problem from metric_catalog where level not in ('interaction', 'relationship')
union all
select name, 'no source' from metric_catalog where source.rollup is null and source.fact is null
union all
select name, 'unknown source table ' || source_table from sources
where source_table is not null and source_table not in (select table_name from duckdb_tables() union all select view_name from duckdb_views())
union all
select s.name, 'component ' || c.name || ' missing from ' || s.source_table
from sources as s, unnest(s.components) as t(c)
where s.source_table is not null
    and not exists (select 1 from columns where table_name = s.source_table and column_name = c.name)
