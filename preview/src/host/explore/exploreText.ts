/** Explore's words and test ids, in one place. */
export const exploreText = {
  title: 'Explore',
  link: 'Explore',
  run: 'Run query',
  runHint: 'Ctrl/Cmd+Enter in the SQL editor runs the query too.',
  nothingRun: 'Write a query and run it: the result shows here.',
  // Grafana's own title for a query that failed.
  queryError: 'Query error',
  noEditor: 'The datasource plugin has no query editor to show.',
  badUrl: 'The link’s query could not be read, so Explore starts from a new one',
  views: { table: 'Table', time_series: 'Time series' },
  view: 'Show as',
  frame: 'Result',
  noData: 'No data',
  dashboards: 'Dashboards',
} as const;

export const exploreTestIds = {
  page: 'touchpoint-explore',
  run: 'touchpoint-explore-run',
  range: 'touchpoint-explore-range',
  error: 'touchpoint-explore-error',
  urlProblem: 'touchpoint-explore-url-problem',
  table: 'touchpoint-explore-table',
  timeSeries: 'touchpoint-explore-time-series',
  viewPicker: 'touchpoint-explore-view',
  loading: 'touchpoint-explore-loading',
} as const;
