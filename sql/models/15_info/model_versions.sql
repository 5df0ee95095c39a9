-- model_versions: one row per raw table (key table_name): its rows, and the
-- XOR of every row's hash, from which model_info derives the data's version.
-- The XOR of hashes has no order and undoes itself, so an increment brings
-- a table's up to date from the rows it changed (the old version of each
-- replaced row and every new row: incrementalModels.ts) instead of hashing
-- every row again, and gets what a full build of the merged data gets.
-- not null: row_count

-- A row's hash covers every column, in the table's order; an empty table's XOR is null.
create or replace macro table_version(relation) as table
select count(*)::bigint as row_count, bit_xor(hash(*columns(*)))::ubigint as row_xor
from query_table(relation);

create or replace table model_versions as
select 'branches' as table_name, * from table_version('raw.branches')
union all
select 'customers', * from table_version('raw.customers')
union all
select 'interactions', * from table_version('raw.interactions')
union all
select 'responses', * from table_version('raw.responses')
union all
select 'followups', * from table_version('raw.followups');

comment on table model_versions is 'One row per raw table (key table_name): its row count and the XOR of the hashes of its rows: the parts of the content version of the data.';
