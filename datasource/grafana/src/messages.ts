/** Every sentence the datasource shows a person, in one place. */
export const messages = {
  noUrl: 'Set the URL of the Touchpoint service (where `touchpoint serve` listens), then save & test again.',
  unreachable: (status: number | undefined, statusText: string | undefined) =>
    `Cannot reach the Touchpoint service${status ? ` (HTTP ${status}${statusText ? ` ${statusText}` : ''} from Grafana's data proxy)` : ''}: check the URL in the datasource settings, that \`touchpoint serve\` is running, and that Grafana's server can reach it.`,
  badToken: (detail?: string) =>
    `The Touchpoint service rejected the token${detail ? ` (${detail})` : ''}: enter the token that \`touchpoint serve\` was started with (--token or TOUCHPOINT_TOKEN).`,
  forbidden:
    'Grafana refused the request (HTTP 403): your role may not query this datasource; ask an administrator for access.',
  notTouchpoint: (detail: string) =>
    `The URL answered, but not as a Touchpoint service (${detail}): check that it points at \`touchpoint serve\`, without a path.`,
  httpFailure: (status: number | undefined, statusText: string | undefined) =>
    `The Touchpoint service failed with HTTP ${status ?? '?'}${statusText ? ` ${statusText}` : ''}.`,
  badResponse: (detail: string) =>
    `The Touchpoint service sent an answer this plugin cannot read (${detail}): upgrade the service or the plugin so they match.`,
  missingResult: (refId: string) => `The Touchpoint service returned no result for query ${refId}.`,
  connected: (parts: {
    version: string;
    dataVersion: string;
    freshness: string;
    metrics: number;
    mappingVersion: string;
  }) =>
    `Connected to Touchpoint ${parts.version}: data version ${parts.dataVersion}, ${parts.freshness}, ${parts.metrics} metrics, SLI mapping ${parts.mappingVersion}.`,
  noData: 'the warehouse holds no events yet',
  refusedFile: (reason: string) =>
    `But the newest file at the warehouse path was refused (${reason}): the service still answers from the data above until a good load replaces it.`,
  asOf: (when: string, age: string) => `data as of ${when} (${age})`,
} as const;

/** Labels and help of the editors. */
export const labels = {
  url: 'URL',
  urlHelp:
    'Where Grafana’s server reaches `touchpoint serve`, e.g. http://touchpoint:7400. Requests go through Grafana’s data proxy.',
  token: 'Token',
  tokenHelp:
    'The bearer token the service was started with. Stored encrypted by Grafana and added by its data proxy; viewers never see it.',
  tokenPlaceholder: 'Token of touchpoint serve (leave empty if it runs without one)',
  mode: 'Mode',
  modes: { metric: 'Metric', sql: 'SQL', drill: 'Drill', journey: 'Journey' },
  metric: 'Metric',
  groupBy: 'Group by',
  interval: 'Interval',
  intervals: { auto: 'Auto', none: 'Whole range', day: 'Day', week: 'Week', month: 'Month' },
  compare: 'Previous period',
  compareHelp:
    'Adds previous, previous_n and change: the same metric over the equally long period just before the range.',
  filters: 'Filters',
  filterValues: 'Values or $variable',
  addFilter: 'Add filter',
  removeFilter: 'Remove filter',
  levels: {
    interaction: 'Interaction level (customer service: one contact)',
    relationship: 'Relationship level (customer experience: the whole relationship)',
  },
  journeyGroupByHelp: 'Every row is one touchpoint; these split it further.',
  journeyHelp:
    'Where the journey leaks: per touchpoint, the SLI and share of negative ratings, churn within the window after a negative rating against after others (with its 95% interval), and customers at risk.',
  metricSql: 'SQL this stands for',
  editAsSql: 'Edit as SQL',
  format: 'Format',
  formats: { table: 'Table', time_series: 'Time series' },
  runHint: 'Ctrl/Cmd+Enter runs the query',
  drill: 'Drill',
  drills: {
    branch_customers: 'Branch → customers',
    customer_interactions: 'Customer → interactions',
    cohort_customers: 'Cohort → customers',
    day_interactions: 'Day → interactions',
    branch_awaiting_followup: 'Branch → ratings awaiting follow-up',
    touchpoint_negative_ratings: 'Touchpoint → negative ratings',
  },
  drillFields: {
    branchId: 'Branch',
    customerId: 'Customer',
    cohortMonth: 'Cohort month',
    day: 'Day',
    channel: 'Channel',
    touchpoint: 'Touchpoint',
    limit: 'Limit',
  },
  drillPlaceholders: {
    branchId: '$branch or a branch id',
    customerId: '$customer or a customer id',
    cohortMonth: 'YYYY-MM, or $cohort',
    day: 'YYYY-MM-DD, or $day',
    channel: 'optional: $channel or a channel',
    touchpoint: '$touchpoint or a touchpoint',
    limit: '500',
  },
  variableKind: 'List',
  variableKinds: {
    branches: 'Branches',
    regions: 'Regions',
    channels: 'Channels',
    agents: 'Agents',
    touchpoints: 'Touchpoints',
    sql: 'SQL',
  },
  variableSqlInput: 'Variable SQL',
  variableUnreadable: 'The saved variable query could not be read; saving replaces it with what is shown here',
  variableSqlHelp: 'Return a `value` column and optionally a `text` column (or one column for both).',
  catalogLoading: 'Loading the metric catalog…',
} as const;

/** Test ids, shared by the editors and their tests. */
export const testIds = {
  urlInput: 'touchpoint-config-url',
  tokenInput: 'touchpoint-config-token',
  modePicker: 'touchpoint-query-mode',
  metricPicker: 'touchpoint-metric',
  metricDescription: 'touchpoint-metric-description',
  metricSql: 'touchpoint-metric-sql',
  groupByPicker: 'touchpoint-group-by',
  journeyGroupByPicker: 'touchpoint-journey-group-by',
  journeyDescription: 'touchpoint-journey-description',
  sqlEditor: 'touchpoint-sql-editor',
  drillPicker: 'touchpoint-drill',
  variableKindPicker: 'touchpoint-variable-kind',
  variableSql: 'touchpoint-variable-sql',
} as const;

/** Example SQL for Explore's cheat sheet; each one runs on the model as it is (tested). */
export const examples: Array<{ title: string; sql: string; format: 'table' | 'time_series' }> = [
  {
    title: 'CSAT per week and channel',
    format: 'time_series',
    sql: `select $__timeGroupAlias(day, '7d'), channel, $__metric(csat) as csat
from agg_interaction_daily
where $__timeFilter(day) and branch_id in ($branch)
group by all order by time`,
  },
  {
    title: 'SLI and its sample size by branch',
    format: 'table',
    sql: `select b.branch_name, $__metric(sli) as sli, $__metricN(sli) as n
from agg_response_daily as r join dim_branches as b using (branch_id)
where $__timeFilter(day)
group by all order by sli`,
  },
  {
    title: 'Customers who left, with how they felt',
    format: 'table',
    sql: `select customer_id, branch_id, ended_at, tenure_days, sli, latest_nps_score as nps, contacts
from dim_customers
where ended_at >= $__timeFrom() and ended_at < $__timeTo()
order by sli nulls last limit 100`,
  },
];
