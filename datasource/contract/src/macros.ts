/**
 * Every macro the service expands in SQL: its snippet for the editor (monaco
 * snippet syntax) and one line of help. The service, the editor's
 * autocomplete and the README read this list.
 */
export const macros = {
  $__timeFilter: { snippet: '$__timeFilter(${1:column})', help: "column >= the dashboard's from and < its to" },
  $__timeFrom: { snippet: '$__timeFrom()', help: "the dashboard's from, as a timestamp" },
  $__timeTo: { snippet: '$__timeTo()', help: "the dashboard's to, as a timestamp" },
  $__timeGroup: {
    snippet: "$__timeGroup(${1:column}, ${2:'1d'})",
    help: "buckets a time column: $__timeGroup(column, '1h'[, NULL | 0 | previous])",
  },
  $__timeGroupAlias: { snippet: "$__timeGroupAlias(${1:column}, ${2:'1d'})", help: '$__timeGroup(…) as time' },
  $__interval: { snippet: '$__interval', help: "the panel's interval as text, such as '1d'" },
  $__interval_ms: { snippet: '$__interval_ms', help: "the panel's interval in milliseconds" },
  $__metric: { snippet: '$__metric(${1:metric})', help: 'a catalog metric from summed rollup components' },
  $__metricN: { snippet: '$__metricN(${1:metric})', help: 'the sample size behind $__metric(metric)' },
} as const;

export type MacroName = keyof typeof macros;
export const macroNames = Object.keys(macros) as MacroName[];
