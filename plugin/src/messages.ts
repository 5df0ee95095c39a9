import type { ScorecardOptions } from './options/scorecardOptions';

type Labels<K extends string> = Record<K, string>;

/** Option names and descriptions for the panel editor (module.ts). */
export const optionLabels = {
  view: 'View',
  views: {
    sli: 'SLI by branch',
    trend: 'CSAT / CES trend',
    cohorts: 'Churn cohorts',
    closedLoop: 'Closed loop',
    journey: 'Journey',
  } satisfies Labels<ScorecardOptions['view']>,
  viewHelp:
    'Relationship (SLI by branch, cohorts), interaction (CSAT/CES) and closed-loop (follow-up of negative ratings) views of the same data. Each view names the query it needs when it is missing.',
  sort: 'Sort',
  sorts: { worst: 'Worst first', best: 'Best first', name: 'Name' } satisfies Labels<ScorecardOptions['sort']>,
  groupByRegion: 'Group by region',
  groupByRegionHelp: 'Needs region among the query’s group-by dimensions.',
  showTrend: 'Trend line',
  showTrendHelp: 'From a second query of the same metric grouped by branch_id with an interval.',
  showGoals: 'Goal lines',
  showOverlay: 'Relationship overlay',
  showOverlayHelp: 'SLI or NPS series in the panel’s queries go on a second, labelled axis.',
  cohortValue: 'Cells show',
  cohortValues: { percent: 'Percent retained', count: 'Customers active' } satisfies Labels<
    ScorecardOptions['cohortValue']
  >,
  showAverage: 'Average curve',
  journeySort: 'Sort',
  journeySorts: { risk: 'Customers at risk', journey: 'Journey order' } satisfies Labels<
    ScorecardOptions['journeySort']
  >,
  journeyOrder: 'Journey order',
  journeyOrderHelp:
    'Touchpoints in the order a customer meets them, comma-separated (e.g. kiosk, app, contact); empty follows the model’s touchpoint order.',
  branchVariable: 'Branch variable',
  branchVariableHelp: 'The dashboard variable a click on a branch sets (without the $).',
  wall: 'Wall layout',
  walls: { auto: 'In kiosk mode', on: 'Always', off: 'Never' } satisfies Labels<ScorecardOptions['wall']>,
  wallHelp:
    'Large type and high contrast for a screen read across a room; every number is written out, none only on hover.',
  rotateSeconds: 'Rotate regions every (s)',
  rotateSecondsHelp: 'On a wall with regions grouped: show one region at a time. 0 shows all.',
  groups: {
    view: 'Scorecard',
    sli: 'SLI by branch',
    trend: 'CSAT / CES trend',
    cohorts: 'Churn cohorts',
    journey: 'Journey',
    drill: 'Drill-down',
    wall: 'Wall screens',
  },
};

/** Text the panel shows. */
export const messages = {
  scorecard: 'Scorecard',
  lowN: (minN: number | undefined) => (minN ? `Low n (<${minN})` : 'Low n'),
  noValue: 'No ratings',
  n: (n: number) => `n = ${n.toLocaleString('en-US')}`,
  change: 'vs previous period',
  noPrevious: 'no previous value',
  regionOf: (index: number, count: number) => `Region ${index} of ${count}`,
  noRegion: 'No region',
  asOf: 'Data as of',
  hoursOld: (hours: number) =>
    hours < 1 ? 'under an hour old' : hours < 48 ? `${Math.round(hours)} h old` : `${Math.round(hours / 24)} days old`,
  branchesOf: (count: number) => `${count} ${count === 1 ? 'branch' : 'branches'}`,
  drillLoading: 'Loading…',
  /** While the panel's first query runs: waiting, not an error. */
  panelLoading: 'Loading…',
  drillEmpty: 'Nothing to show for this step in the selected time range.',
  drillFailed: 'The drill-down query failed',
  noDatasource: 'Drill-down needs the panel’s queries to come from the Touchpoint datasource.',
  truncated: (rows: number) => `Showing the first ${rows.toLocaleString('en-US')} rows.`,
  steps: {
    branch: (name: string) => `Branch ${name}`,
    customer: (id: string) => `Customer ${id}`,
    cohort: (month: string) => `Cohort ${month.slice(0, 7)}`,
    day: (day: string) => `Contacts on ${day}`,
    followups: (name: string) => `Awaiting follow-up at ${name}`,
    touchpoint: (touchpoint: string) => `Negative ratings at ${touchpoint}`,
    why: (name: string) => `Why ${name}`,
  },
  stepHints: {
    branch:
      'Customers of this branch whose relationship overlaps the range, lowest SLI first. Pick one to see their contacts.',
    customer: 'Every contact and rating of this customer, in time order.',
    cohort: 'The customers who started in this month: who stayed and who left.',
    day: 'The contacts opened on this day (UTC).',
    followups:
      'Negative ratings at this branch that name a customer and have no closed case, oldest first; age as of the data’s end. Pick a customer to see their history.',
    why: 'Where this branch stands against the company over the range: its SLI at each touchpoint (worst gap first; pick one for its negative ratings here) and its service metrics, each with its n. Then on to its customers.',
    touchpoint:
      'Negative ratings at this touchpoint in the range (at the dashboard’s branch when one is selected), newest first, each with its follow-up case where the closed loop has one. Pick a customer to see their history.',
  },
  closedLoop: {
    needsQuery:
      'Closed loop needs metric queries over the whole range grouped by branch_id: followups_overdue, and loop_closed_in_sla, followup_contact_median and recovery_rate for their columns; a SQL query of branch_id with oldest_awaiting_seconds adds the oldest age.',
    table: 'Follow-up of negative ratings by branch, worst backlog first',
    branch: 'Branch',
    overdue: 'Overdue',
    oldest: 'Oldest awaiting',
    inSla: 'Closed within SLA',
    contact: 'First contact (median)',
    recovery: 'Recovery',
    overdueCount: (count: number) => (count === 0 ? 'none overdue' : `${count.toLocaleString('en-US')} overdue`),
    awaiting: (count: number) => `${count.toLocaleString('en-US')} awaiting`,
    nothingAwaiting: 'none awaiting',
    rowLabel: (parts: string[]) => `${parts.join(', ')}. Show the ratings awaiting follow-up.`,
    empty: 'No negative ratings in the selected time range.',
  },
  journey: {
    needsQuery:
      'Journey needs a journey query (per touchpoint, filtered to $branch); a second one with refId company and no branch filter adds the company’s SLI as a marker.',
    table: 'Where the journey leaks: per touchpoint, churn after a negative rating against after others',
    touchpoint: 'Touchpoint',
    sli: 'SLI',
    negative: 'Negative',
    churn: (days: number | undefined) =>
      days === undefined ? 'Churn after negative vs others' : `Churn within ${days} d: after negative vs others`,
    lift: 'Lift (95% interval)',
    atRisk: 'At risk',
    company: (value: string) => `company ${value}`,
    sliOf: (value: string, company: number | null | undefined) =>
      `SLI ${value}${company === undefined ? '' : `, company ${company === null ? '–' : company.toFixed(1)}`}`,
    negativeOf: (share: string, count: number) => `${share} negative (${count.toLocaleString('en-US')} ratings)`,
    churnOf: (negative: string, exposedN: number, other: string, otherN: number) =>
      `churn ${negative} after a negative rating (n = ${exposedN.toLocaleString('en-US')}) vs ${other} after others (n = ${otherN.toLocaleString('en-US')})`,
    liftOf: (lift: string, interval: string) => `lift ${lift}, 95% interval ${interval}`,
    atRiskOf: (count: string) => `${count} customers at risk`,
    customersAtRisk: 'customers at risk',
    incomplete: (count: number) =>
      `${count.toLocaleString('en-US')} ${count === 1 ? 'customer' : 'customers'} in an incomplete window`,
    rowLabel: (description: string) => `${description}. Show its negative ratings.`,
    empty: 'No ratings in the selected time range.',
  },
  why: {
    customers: (name: string) => `Customers of ${name} →`,
    touchpointsTable: 'The branch’s SLI per touchpoint against the company’s, worst gap first',
    serviceTable: 'The branch’s service metrics against the company’s',
    touchpoint: 'Touchpoint',
    metric: 'Service metric',
    branchSide: (label: string, name: string) => `${label} at ${name}`,
    companySide: (label: string) => `${label}, company`,
    company: 'Company',
    gap: 'Gap',
    gapValue: (gap: number) => `${gap > 0 ? '+' : gap < 0 ? '−' : ''}${Math.abs(gap).toFixed(1)}`,
  },
  cohorts: {
    table: 'Retention by cohort and months since start',
    caption: 'Months since start',
    cohort: 'Cohort',
    monthHeader: (k: number) => `Month ${k} since start`,
    // UTC: a cohort is a calendar month, which the dashboard's zone would shift.
    month: (time: number, format: 'long' | 'short') =>
      new Intl.DateTimeFormat('en-US', {
        month: 'short',
        year: format === 'long' ? 'numeric' : '2-digit',
        timeZone: 'UTC',
      }).format(time),
    size: (size: number, low: boolean) => `n ${size.toLocaleString('en-US')}${low ? ' (low)' : ''}`,
    sizeHint: (month: string, size: number) => `${month} cohort: ${size.toLocaleString('en-US')} customers`,
    percent: (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)}%`),
    count: (active: number) => active.toLocaleString('en-US'),
    activeN: (active: number) => `n ${active.toLocaleString('en-US')}`,
    cell: (month: string, k: number, active: number, size: number, retention: number | null) =>
      `${month} cohort, month ${k}: ${active.toLocaleString('en-US')} of ${size.toLocaleString('en-US')} still active` +
      (retention === null ? '' : ` (${(retention * 100).toFixed(1)}%)`),
    average: 'Average',
    weighted: 'weighted',
    averageHint:
      'Average retention weighted by cohort size: all customers still active over all customers of the cohorts that reached the month.',
    averageCell: (point: { k: number; active: number; customers: number; cohorts: number; retention: number }) =>
      `Average, month ${point.k}: ${point.active.toLocaleString('en-US')} of ${point.customers.toLocaleString('en-US')} still active ` +
      `(${(point.retention * 100).toFixed(1)}%) across ${point.cohorts} ${point.cohorts === 1 ? 'cohort' : 'cohorts'}`,
    curve: (points: Array<{ k: number; retention: number }>) =>
      `Average retention by month since start, weighted by cohort size: ${points.map((p) => `month ${p.k} ${Math.round(p.retention * 100)}%`).join(', ')}`,
    curveAxis: 'Month',
    latest: (shown: number, total: number, averaged: boolean) =>
      `Latest ${shown} of ${total} cohorts${averaged ? ` (average of all ${total})` : ''}`,
    legend: 'Retention',
    legendScale: (low: string, high: string) =>
      low === high
        ? `Retention colour: every value shown is ${low}`
        : `Retention colour: from ${low} (faintest) to ${high} (strongest)`,
    empty: 'No cohort in the selected time range has finished its first month yet.',
  },
  trend: {
    needsQuery:
      'CSAT / CES trend needs metric queries with an interval (day, week or month) for csat and ces_mean (or ces_index).',
    noInterval: (labels: string) => `The ${labels} query has no interval, so it gives one value for the whole range.`,
    onlyOverlays: (labels: string) =>
      `${labels}: relationship level, drawn only as an overlay on an interaction chart.`,
    title: (label: string) => `${label} · interaction level`,
    overlayAxis: (labels: string) => `${labels} (relationship) →`,
    overlayLine: (name: string) => `${name} (relationship)`,
    responses: 'responses (n)',
    goal: (value: string) => `Goal ${value}`,
    pointTitle: (name: string, value: string, day: string, n: number, low: boolean) =>
      `${name} ${value} on ${day}, n = ${n.toLocaleString('en-US')}${low ? ' (low n)' : ''}`,
    point: (name: string, value: string, day: string, n: number, low: boolean) =>
      `${name} ${value} on ${day}, n = ${n.toLocaleString('en-US')}${low ? ' (low n)' : ''}: show that day's contacts`,
    latest: (value: string, n: number, low: boolean) =>
      `${value}, n = ${n.toLocaleString('en-US')}${low ? ' (low n)' : ''}`,
    overlaySkipped: (labels: string, axis: string) =>
      `${labels} not drawn: the second axis already shows ${axis}, in another unit.`,
  },
};

/** Test ids, one place. */
export const testIds = {
  panel: 'touchpoint-scorecard',
  panelLoading: 'touchpoint-scorecard-loading',
  gauge: (branchId: string) => `touchpoint-gauge-${branchId}`,
  gaugeValue: 'touchpoint-gauge-value',
  regionGroup: 'touchpoint-region-group',
  asOf: 'touchpoint-as-of',
  breadcrumbs: 'touchpoint-breadcrumbs',
  drillTable: 'touchpoint-drill-table',
  trendChart: (metric: string) => `touchpoint-trend-${metric}`,
  cohortCell: (cohort: string, k: number) => `touchpoint-cohort-${cohort}-${k}`,
  cohortAverage: 'touchpoint-cohort-average',
  cohortLegend: 'touchpoint-cohort-legend',
  cohortLatest: 'touchpoint-cohort-latest',
  closedLoopTable: 'touchpoint-closed-loop',
  closedLoopRow: (branchId: string) => `touchpoint-closed-loop-${branchId}`,
  closedLoopSummary: 'touchpoint-closed-loop-summary',
  journeyTable: 'touchpoint-journey',
  journeyRow: (key: string) => `touchpoint-journey-${key}`,
  journeySliBar: 'touchpoint-journey-sli-bar',
  journeyCompanyMark: 'touchpoint-journey-company',
  journeyInterval: 'touchpoint-journey-interval',
  whyTouchpoints: 'touchpoint-why-touchpoints',
  whyTouchpoint: (touchpoint: string) => `touchpoint-why-touchpoint-${touchpoint}`,
  whyService: 'touchpoint-why-service',
  whyMetric: (metric: string) => `touchpoint-why-metric-${metric}`,
};
