-- Counts are BIGINT and sums DOUBLE, never 128-bit (HUGEINT, or a DECIMAL
-- wider than 18 digits: what sum() of integers or decimals gives unless
-- cast). A bit-packed 128-bit column reads about a hundred times slower,
-- which once made the rollups slower than the rows they summarise.
select table_name, column_name, data_type
from duckdb_columns()
where schema_name = 'main'
    and (data_type in ('HUGEINT', 'UHUGEINT') or (data_type like 'DECIMAL%' and numeric_precision > 18))
