import { macros, type MacroName } from '@touchpoint/contract/src/macros';
import type { CatalogResponse } from '@touchpoint/contract/src/serviceResponses';

export type CompletionKind = 'table' | 'column' | 'metric' | 'macro' | 'variable' | 'keyword';

export interface Completion {
  label: string;
  kind: CompletionKind;
  insertText: string;
  detail?: string;
  documentation?: string;
}

/** What the SQL editor knows besides the text: the service's catalog and the dashboard's variables. */
export interface CompletionContext {
  catalog: CatalogResponse;
  variables: string[];
}

const keywords = [
  'select',
  'from',
  'where',
  'group by',
  'order by',
  'having',
  'limit',
  'join',
  'left join',
  'on',
  'using',
  'as',
  'and',
  'or',
  'not',
  'in',
  'between',
  'case',
  'when',
  'then',
  'else',
  'end',
  'distinct',
  'with',
  'union all',
  'count',
  'sum',
  'avg',
  'min',
  'max',
  'median',
  'quantile_cont',
  'date_trunc',
  'coalesce',
  'nullif',
];

const tableCompletions = (catalog: CatalogResponse): Completion[] =>
  catalog.tables.map((table) => ({
    label: table.table,
    kind: 'table',
    insertText: table.schema === 'main' ? table.table : `${table.schema}.${table.table}`,
    detail: table.schema === 'main' ? 'table' : `${table.schema} table`,
    documentation: table.comment ?? undefined,
  }));

const columnCompletions = (catalog: CatalogResponse, tables: string[]): Completion[] =>
  catalog.tables
    .filter((table) => tables.includes(table.table))
    .flatMap((table) =>
      table.columns.map((column) => ({
        label: column.name,
        kind: 'column' as const,
        insertText: column.name,
        detail: `${column.type} · ${table.table}`,
      }))
    );

const metricCompletions = (catalog: CatalogResponse): Completion[] =>
  catalog.metrics.map((metric) => ({
    label: metric.name,
    kind: 'metric',
    insertText: metric.name,
    detail: `${metric.label} · ${metric.level} level${metric.components.some((c) => c.agg === 'opening') ? ' · stock: use a metric query' : ''}`,
    documentation: `${metric.description}\n\nRollup: ${metric.source.rollup ?? 'none (facts only)'}`,
  }));

const macroCompletions = (catalog: CatalogResponse): Completion[] =>
  catalog.macros.map((macro) => ({
    label: macro,
    kind: 'macro',
    insertText: macro in macros ? macros[macro as MacroName].snippet : macro,
    documentation: macro in macros ? macros[macro as MacroName].help : undefined,
  }));

const variableCompletions = (variables: string[]): Completion[] =>
  variables.map((name) => ({
    label: `$${name}`,
    kind: 'variable',
    insertText: `$${name}`,
    detail: 'dashboard variable, sent as a bound value',
  }));

/** Tables a query names after from/join, and the aliases it gives them. */
export const referencedTables = (
  sql: string,
  catalog: CatalogResponse
): { tables: string[]; aliases: Map<string, string> } => {
  const known = new Set(catalog.tables.map((table) => table.table));
  const tables: string[] = [];
  const aliases = new Map<string, string>();
  const pattern = /\b(?:from|join)\s+(?:[A-Za-z_][\w]*\.)?([A-Za-z_][\w]*)(?:\s+(?:as\s+)?([A-Za-z_][\w]*))?/gi;
  for (const match of sql.matchAll(pattern)) {
    const table = match[1];
    if (!known.has(table)) {
      continue;
    }
    tables.push(table);
    const alias = match[2];
    if (alias && !/^(where|group|order|join|left|right|inner|on|using|limit|having|union)$/i.test(alias)) {
      aliases.set(alias, table);
    }
  }
  return { tables, aliases };
};

/**
 * Suggestions at the cursor, from what comes right before it: columns after
 * `table.` or `alias.`, metrics inside `$__metric(`, macros and variables
 * after `$`, tables after from/join, otherwise columns of the tables the
 * query reads, then tables, macros and keywords.
 */
export const sqlCompletions = (sql: string, cursor: number, context: CompletionContext): Completion[] => {
  const before = sql.slice(0, cursor);
  const { catalog } = context;
  if (/\$__metricN?\(\s*\w*$/.test(before)) {
    return metricCompletions(catalog);
  }
  if (/\$\w*$/.test(before)) {
    return [...macroCompletions(catalog), ...variableCompletions(context.variables)];
  }
  const { tables, aliases } = referencedTables(sql, catalog);
  const qualified = /([A-Za-z_]\w*)\.\w*$/.exec(before);
  if (qualified) {
    const table = aliases.get(qualified[1]) ?? qualified[1];
    const columns = columnCompletions(catalog, [table]);
    if (columns.length > 0) {
      return columns;
    }
  }
  if (/\b(?:from|join)\s+\w*$/i.test(before)) {
    return tableCompletions(catalog);
  }
  return [
    ...columnCompletions(catalog, [...new Set(tables)]),
    ...tableCompletions(catalog),
    ...macroCompletions(catalog),
    ...variableCompletions(context.variables),
    ...keywords.map((keyword) => ({ label: keyword, kind: 'keyword' as const, insertText: keyword })),
  ];
};
