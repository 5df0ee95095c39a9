import { quoteLiteral } from '../../db/quoteIdentifier';
import { pgArrayOf, pgTypeOids, type PgTypeName } from '../pgTypeOids';
import { duckDbTypeRules } from './pgTypeOfDuckDbType';
import { pgTypeDisplayNames } from './pgTypeDisplayNames';
import { pgServerIdentity as id } from './pgServerIdentity';

/**
 * Our information_schema views are temp views in temp.main (DuckDB allows no
 * other temp schema), so they carry this prefix and rewritePgSql points
 * information_schema.<name> at them.
 */
export const informationSchemaPrefix = 'pg_information_schema_';
export const informationSchemaViews = ['tables', 'columns', 'schemata'] as const;

const typeRows = (Object.keys(pgTypeOids) as PgTypeName[]).map((name) => {
  const element = (Object.keys(pgArrayOf) as PgTypeName[]).find((e) => pgArrayOf[e] === name);
  const display = element ? `${pgTypeDisplayNames[element] ?? element}[]` : (pgTypeDisplayNames[name] ?? name);
  const array = pgArrayOf[name];
  return `(${pgTypeOids[name]}, ${quoteLiteral(name)}, ${element ? pgTypeOids[element] : 0}, ${
    array ? pgTypeOids[array] : 0
  }, ${quoteLiteral(display)}, ${quoteLiteral(element ? 'ARRAY' : display)})`;
});

/** data_type -> PostgreSQL OID in SQL, from the one rule list (lists of plain types are arrays, as pgTypeOfDuckDbType says). */
const typeOidCase = (column: string) => {
  const element = (expr: string) =>
    `case ${duckDbTypeRules
      .map(([pattern, pg]) => `when regexp_full_match(${expr}, ${quoteLiteral(pattern)}) then ${pgTypeOids[pg]}`)
      .join(' ')} else ${pgTypeOids.text} end`;
  const arrays = (Object.keys(pgArrayOf) as PgTypeName[])
    .map((e) => `when ${pgTypeOids[e]} then ${pgTypeOids[pgArrayOf[e] as PgTypeName]}`)
    .join(' ');
  const listElement = `regexp_replace(${column}, '\\[\\d*\\]$', '')`;
  return `case when regexp_matches(${column}, '\\[\\d*\\]$') then coalesce(case ${element(listElement)} ${arrays} end, ${pgTypeOids._text}) else ${element(column)} end`;
};

const relations = `
  select table_oid as oid, schema_oid, schema_name, table_name as relname, 'r' as relkind, comment, estimated_size
  from duckdb_tables() where database_name = current_database()
  union all
  select view_oid, schema_oid, schema_name, view_name, 'v', comment, null
  from duckdb_views() where database_name = current_database() and not internal`;

/**
 * The pg_catalog and information_schema relations clients read, as temp
 * views over DuckDB's own catalog functions, so they answer from the model
 * this connection serves. Empty ones exist because psql reads them (and
 * binds their columns) even when there is nothing to show.
 */
export const pgCatalogViews = (): string[] => [
  `create or replace temp view pg_compat_type_names(oid, typname, typelem, typarray, display_name, information_schema_name) as
   values ${typeRows.join(',\n   ')}`,
  `create or replace temp view pg_type as
   select oid::bigint as oid, typname, ${id.pgCatalogOid}::bigint as typnamespace, ${id.ownerOid}::bigint as typowner,
     -1::smallint as typlen, false as typbyval, 'b' as typtype,
     case when typelem <> 0 then 'A' else 'U' end as typcategory, false as typispreferred, true as typisdefined,
     ',' as typdelim, 0::bigint as typrelid, typelem::bigint as typelem, typarray::bigint as typarray,
     case when typelem <> 0 then 'array_in' else typname || 'in' end as typinput,
     case when typelem <> 0 then 'array_out' else typname || 'out' end as typoutput,
     false as typnotnull, 0::bigint as typbasetype, -1 as typtypmod, 0 as typndims,
     case when typname in ('text', 'varchar', 'name') then 100 else 0 end::bigint as typcollation,
     null::varchar as typdefault
   from pg_compat_type_names`,
  `create or replace temp view pg_namespace as
   select oid, schema_name as nspname, ${id.ownerOid}::bigint as nspowner, null::varchar[] as nspacl
   from duckdb_schemas() where database_name = current_database() and schema_name not in ('information_schema', 'pg_catalog')
   union all select ${id.pgCatalogOid}, 'pg_catalog', ${id.ownerOid}, null
   union all select ${id.informationSchemaOid}, 'information_schema', ${id.ownerOid}, null`,
  `create or replace temp view pg_class as
   select oid, relname, schema_oid as relnamespace, 0::bigint as reltype, 0::bigint as reloftype,
     ${id.ownerOid}::bigint as relowner, case relkind when 'r' then 2 else 0 end::bigint as relam,
     0::bigint as relfilenode, 0::bigint as reltablespace, 0 as relpages, coalesce(estimated_size, 0)::real as reltuples,
     0::bigint as reltoastrelid, false as relhasindex, false as relisshared, 'p' as relpersistence, relkind,
     (select count(*) from duckdb_columns() c where c.table_oid = r.oid)::smallint as relnatts,
     0::smallint as relchecks, false as relhasrules, false as relhastriggers, false as relhassubclass,
     false as relrowsecurity, false as relforcerowsecurity, true as relispopulated, 'd' as relreplident,
     false as relispartition, null::varchar[] as relacl, null::varchar[] as reloptions, null::varchar as relpartbound
   from (${relations}) r`,
  `create or replace temp view pg_attribute as
   select c.table_oid as attrelid, c.column_name as attname, ${typeOidCase('c.data_type')}::bigint as atttypid,
     case when c.data_type like 'DECIMAL%' then (c.numeric_precision << 16 | c.numeric_scale) + 4 else -1 end as atttypmod,
     -1::smallint as attlen, c.column_index::smallint as attnum, 0 as attndims, not c.is_nullable as attnotnull,
     c.column_default is not null as atthasdef, false as atthasmissing, '' as attidentity, '' as attgenerated,
     false as attisdropped, true as attislocal, 0 as attinhcount, 0::bigint as attcollation, null::varchar[] as attacl
   from duckdb_columns() c where c.database_name = current_database()`,
  `create or replace temp view pg_description as
   select oid as objoid, 1259::bigint as classoid, 0 as objsubid, comment as description
   from (${relations}) where comment is not null and comment <> ''
   union all
   select table_oid, 1259, column_index, comment from duckdb_columns()
   where database_name = current_database() and comment is not null and comment <> ''`,
  `create or replace temp view pg_database as
   select 1::bigint as oid, current_database() as datname, ${id.ownerOid}::bigint as datdba, 6 as encoding,
     'c' as datlocprovider, false as datistemplate, true as datallowconn, -1 as datconnlimit,
     'C.UTF-8' as datcollate, 'C.UTF-8' as datctype, null::varchar as daticulocale, null::varchar[] as datacl`,
  `create or replace temp view pg_roles as
   select ${id.ownerOid}::bigint as oid, current_user as rolname, true as rolsuper, true as rolcanlogin`,
  `create or replace temp view pg_am as select 2::bigint as oid, 'heap' as amname, 't' as amtype`,
  `create or replace temp view pg_attrdef as
   select 0::bigint as oid, 0::bigint as adrelid, 0::smallint as adnum, null::varchar as adbin where false`,
  `create or replace temp view pg_collation as
   select 100::bigint as oid, 'default' as collname, ${id.pgCatalogOid}::bigint as collnamespace`,
  `create or replace temp view pg_index as
   select 0::bigint as indexrelid, 0::bigint as indrelid, false as indisprimary, false as indisunique,
     false as indisclustered, false as indisvalid, false as indisreplident where false`,
  `create or replace temp view pg_constraint as
   select 0::bigint as oid, '' as conname, 0::bigint as conrelid, 0::bigint as conindid, '' as contype,
     false as condeferrable, false as condeferred where false`,
  `create or replace temp view pg_policy as
   select '' as polname, true as polpermissive, []::bigint[] as polroles, null::varchar as polqual,
     null::varchar as polwithcheck, 0::bigint as polrelid, '' as polcmd where false`,
  `create or replace temp view pg_statistic_ext as
   select 0::bigint as oid, 0::bigint as stxrelid, 0::bigint as stxnamespace, '' as stxname,
     []::varchar[] as stxkind, -1 as stxstattarget where false`,
  `create or replace temp view pg_publication as
   select 0::bigint as oid, '' as pubname, false as puballtables where false`,
  `create or replace temp view pg_publication_namespace as
   select 0::bigint as pnpubid, 0::bigint as pnnspid where false`,
  `create or replace temp view pg_publication_rel as
   select 0::bigint as prpubid, 0::bigint as prrelid, null::varchar as prqual, null::smallint[] as prattrs where false`,
  `create or replace temp view pg_inherits as
   select 0::bigint as inhrelid, 0::bigint as inhparent, 0 as inhseqno, false as inhdetachpending where false`,
  `create or replace temp view pg_extension as
   select 0::bigint as oid, '' as extname, '' as extversion where false`,
  `create or replace temp view ${informationSchemaPrefix}schemata as
   select current_database() as catalog_name, nspname as schema_name, current_user as schema_owner
   from pg_namespace`,
  `create or replace temp view ${informationSchemaPrefix}tables as
   select current_database() as table_catalog, n.nspname as table_schema, c.relname as table_name,
     case c.relkind when 'r' then 'BASE TABLE' else 'VIEW' end as table_type,
     case c.relkind when 'r' then 'YES' else 'NO' end as is_insertable_into, 'NO' as is_typed
   from pg_class c join pg_namespace n on n.oid = c.relnamespace`,
  `create or replace temp view ${informationSchemaPrefix}columns as
   select current_database() as table_catalog, n.nspname as table_schema, c.relname as table_name,
     a.attname as column_name, a.attnum as ordinal_position, null::varchar as column_default,
     case when a.attnotnull then 'NO' else 'YES' end as is_nullable, t.information_schema_name as data_type,
     t.typname as udt_name
   from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
   join pg_compat_type_names t on t.oid = a.atttypid`,
];
