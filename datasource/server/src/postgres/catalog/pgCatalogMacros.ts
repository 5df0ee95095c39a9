import { quoteLiteral } from '../../db/quoteIdentifier';
import { pgServerIdentity as id } from './pgServerIdentity';

const settingsMap = (settings: ReadonlyMap<string, string>) =>
  `map {${[...settings].map(([name, value]) => `${quoteLiteral(name.toLowerCase())}: ${quoteLiteral(value)}`).join(', ')}}::map(varchar, varchar)`;

/**
 * Functions PostgreSQL clients call that DuckDB lacks or answers
 * differently. Temp macros shadow DuckDB's built-ins of the same name on
 * this connection only (checked: version(), quote_ident()), so the
 * client's text needs no renaming.
 */
export const pgCatalogMacros = (settings: ReadonlyMap<string, string>, reservedWords: readonly string[]): string[] => [
  // DuckDB's version() is shadowed here, so its own number comes from pragma_version().
  `create or replace temp macro version() as
   'PostgreSQL ${id.serverVersion} (Touchpoint on DuckDB ' || (select library_version from pragma_version()) || ')'`,
  // DuckDB's current_setting() fails at bind time on names it does not know, and a subquery here
  // would keep it out of table functions' arguments (Grafana's generate_series), so DuckDB's
  // settings, locked for the server's life, are read once and written in.
  `create or replace temp macro current_setting(setting_name) as case lower(setting_name)
     when 'server_version_num' then ${quoteLiteral(id.serverVersionNum)}
     when 'server_version' then ${quoteLiteral(id.serverVersion)}
     when 'search_path' then ${quoteLiteral(id.searchPath)}
     when 'standard_conforming_strings' then 'on'
     when 'server_encoding' then 'UTF8'
     when 'client_encoding' then 'UTF8'
     when 'datestyle' then 'ISO, MDY'
     when 'integer_datetimes' then 'on'
     when 'max_identifier_length' then '63'
     else (${settingsMap(settings)})[lower(setting_name)] end`,
  `create or replace temp macro current_schemas(include_implicit) as
   case when include_implicit then ['pg_catalog', ${quoteLiteral(id.modelSchema)}] else [${quoteLiteral(id.modelSchema)}] end`,
  `create or replace temp macro quote_ident(name) as
   case when regexp_full_match(name, '[a-z_][a-z0-9_$]*')
     and name not in (${reservedWords.map(quoteLiteral).join(', ')})
   then name else '"' || replace(name, '"', '""') || '"' end`,
  // "a"."B".c -> [a, B, c]: quoted parts keep their case, the rest fold to lower case.
  `create or replace temp macro parse_ident(qualified) as list_transform(
     regexp_extract_all(qualified, '"(?:[^"]|"")*"|[^."]+'),
     part -> case when starts_with(part, '"') then replace(part[2:-2], '""', '"') else lower(trim(part)) end)`,
  // Only one-dimensional arrays exist here; PostgreSQL answers NULL for an empty one.
  `create or replace temp macro array_lower(arr, dimension) as case when dimension = 1 and len(arr) > 0 then 1 end`,
  `create or replace temp macro array_upper(arr, dimension) as case when dimension = 1 and len(arr) > 0 then len(arr) end`,
  `create or replace temp macro pg_get_userbyid(role_oid) as current_user`,
  `create or replace temp macro pg_encoding_to_char(encoding) as 'UTF8'`,
  `create or replace temp macro pg_table_is_visible(rel_oid) as
   rel_oid in (select c.oid from pg_class c join pg_namespace n on n.oid = c.relnamespace
               where n.nspname = ${quoteLiteral(id.modelSchema)})`,
  `create or replace temp macro obj_description(object_oid, catalog_name) as
   (select first(description) from pg_description where objoid = object_oid and objsubid = 0)`,
  `create or replace temp macro col_description(relation_oid, column_number) as
   (select first(description) from pg_description where objoid = relation_oid and objsubid = column_number)`,
  `create or replace temp macro format_type(type_oid, type_modifier) as
   (select first(case when display_name = 'numeric' and type_modifier >= 4
                  then 'numeric(' || ((type_modifier - 4) >> 16) || ',' || ((type_modifier - 4) & 65535) || ')'
                  else display_name end)
    from pg_compat_type_names where oid = type_oid)`,
  // The warehouse stores no defaults or index definitions to print; sizes are not tracked per table.
  `create or replace temp macro pg_get_expr(expression, relation) as null::varchar,
     (expression, relation, pretty) as null::varchar`,
  `create or replace temp macro pg_get_indexdef(index_oid, column_number, pretty) as null::varchar`,
  `create or replace temp macro pg_get_constraintdef(constraint_oid, pretty) as null::varchar`,
  `create or replace temp macro pg_get_statisticsobjdef_columns(statistics_oid) as null::varchar`,
  // The warehouse defines no functions of its own; DuckDB's are not PostgreSQL functions to list.
  `create or replace temp macro pg_function_is_visible(function_oid) as false`,
  `create or replace temp macro pg_get_function_result(function_oid) as null::varchar`,
  `create or replace temp macro pg_get_function_arguments(function_oid) as null::varchar`,
  `create or replace temp macro pg_relation_is_publishable(rel_oid) as false`,
  `create or replace temp macro pg_table_size(rel_oid) as null::bigint`,
  `create or replace temp macro pg_size_pretty(bytes) as null::varchar`,
  // Casts to reg* types of a literal name: rewritePgSql turns 'x'::regclass into these.
  `create or replace temp macro pg_compat_regclass(relation_name) as
   (select first(c.oid) from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relname = parse_ident(relation_name)[-1]
      and n.nspname = coalesce(parse_ident(relation_name)[-2], ${quoteLiteral(id.modelSchema)}))`,
  `create or replace temp macro pg_compat_regtype(type_name) as
   (select first(oid) from pg_compat_type_names where typname = lower(type_name) or display_name = lower(type_name))`,
];
