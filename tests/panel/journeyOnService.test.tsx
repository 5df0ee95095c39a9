/**
 * @jest-environment-options {"customExportConditions": ["browser", "node"]}
 */
// The `node` condition is for `yaml` (read with the provisioned dashboards),
// whose browser build is an ES module jest does not transform here.
import { dateTime, type TimeRange } from '@grafana/data';
import { locationService } from '@grafana/runtime';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { newQuery, savedQuerySchema, type SavedMetricQuery } from '@touchpoint/contract/src/savedQuery';
import type { VariableSpec } from '@touchpoint/preview/src/host/dashboardTemplateSrv';
import { HOME_DASHBOARD_UID } from '@touchpoint/preview/src/server/previewSources';
import { messages, testIds } from '@touchpoint/scorecard-panel/src/messages';
import { modelFrom } from './support/modelFrom';
import { readJourneyBoard, sortJourney } from '@touchpoint/scorecard-panel/src/model/journeyBoard';
import { readDashboardFiles } from '../grafana/support/dashboardFiles';
import { startSeededService, type SeededService } from '../grafana/support/seededService';
import { registerTouchpoint } from './support/panelOnService';
import { renderPanel, resetUrl } from './support/renderPanel';
import { sqlRows, tableColumn } from './support/warehouseRows';

// The seeded warehouse runs from January to June 2024: the whole of it, on day boundaries.
const RANGE: TimeRange = (() => {
  const from = dateTime(Date.UTC(2024, 0, 1));
  const to = dateTime(Date.UTC(2024, 6, 1));
  return { from, to, raw: { from, to } };
})();
const IN_RANGE = `responded_at >= '2024-01-01' and responded_at < '2024-07-01'`;
const DAYS_IN_RANGE = `day >= '2024-01-01' and day < '2024-07-01'`;

/** The leadership dashboard's own journey panel: its two queries as saved. */
const journeyPanel = readDashboardFiles()
  .find((file) => file.dashboard.uid === HOME_DASHBOARD_UID)!
  .panels.find((panel) => panel.options.view === 'journey')!;
const journeyTargets = journeyPanel.targets.map(({ datasource: _datasource, ...target }) =>
  savedQuerySchema.parse(target)
);

/** The SLI board's query, narrowed to the dashboard's branches. */
const sliByBranch: SavedMetricQuery = {
  ...newQuery('metric', 'A'),
  groupBy: ['branch_id', 'region'],
  interval: 'none',
  filters: { branch_id: ['$branch'] },
};

const crumbs = () =>
  within(screen.getByTestId(testIds.breadcrumbs))
    .getAllByRole('listitem')
    .map((item) => item.textContent);
const journeyRows = () =>
  within(screen.getByTestId(testIds.journeyTable))
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.getAttribute('data-testid')?.replace(testIds.journeyRow(''), ''));

describe('the journey view and the why step on the real service', () => {
  let seeded: SeededService;
  let touchpoint: ReturnType<typeof registerTouchpoint>;
  let branchId: string;
  let branchName: string;
  let variables: VariableSpec[];

  beforeAll(async () => {
    seeded = await startSeededService();
    // The branch with the most negative ratings: its journey has something to show.
    const branches = await sqlRows(
      seeded.db,
      `select b.branch_id, b.branch_name, count(n.response_id) as negative
       from dim_branches as b left join fct_negative_ratings as n using (branch_id)
       group by all order by negative desc, b.branch_id`
    );
    branchId = String(branches[0].branch_id);
    branchName = String(branches[0].branch_name);
    const regions = await sqlRows(seeded.db, 'select distinct region from dim_branches order by 1');
    variables = [
      {
        name: 'branch',
        options: branches.map((row) => String(row.branch_id)),
        selected: branchId,
        multi: true,
        includeAll: true,
      },
      // The dashboard's region picker on All: the branch alone narrows the journey.
      {
        name: 'region',
        options: regions.map((row) => String(row.region)),
        selected: '$__all',
        multi: true,
        includeAll: true,
      },
    ];
    touchpoint = registerTouchpoint(seeded.service.url, variables);
  });
  afterAll(() => seeded?.stop());
  beforeEach(() => resetUrl(`?var-branch=${branchId}`));

  it('shows one row per touchpoint of the selected branch, most customers at risk first, with the company’s SLI beside each', async () => {
    const { series, request } = await touchpoint.panelData(journeyTargets, RANGE);
    renderPanel({ series, request, timeRange: RANGE, variables, options: journeyPanel.options });

    const atBranch = await sqlRows(
      seeded.db,
      `select touchpoint, count(*)::int as ratings, 100.0 * sum(sli_points) / (10 * count(*)) as sli
       from fct_journey_ratings where branch_id = '${branchId}' and ${IN_RANGE} group by all`
    );
    const company = await sqlRows(
      seeded.db,
      `select touchpoint, 100.0 * sum(sli_points) / (10 * count(*)) as sli
       from fct_journey_ratings where ${IN_RANGE} group by all`
    );
    expect(atBranch.length).toBeGreaterThan(1);
    // Churn counts within the warehouse's own window, and the heading says how long it is.
    const [{ days }] = await sqlRows(seeded.db, 'select churn_window_days::int as days from model_params');
    expect(screen.getByRole('columnheader', { name: messages.journey.churn(Number(days)) })).toBeInTheDocument();
    expect([...journeyRows()].sort()).toEqual(atBranch.map((row) => String(row.touchpoint)).sort());
    for (const row of atBranch) {
      const cells = within(screen.getByTestId(testIds.journeyRow(String(row.touchpoint))));
      expect(cells.getByText(Number(row.sli).toFixed(1))).toBeInTheDocument();
      expect(cells.getByText(messages.n(Number(row.ratings)))).toBeInTheDocument();
      const theirs = company.find((other) => other.touchpoint === row.touchpoint)!;
      expect(cells.getByText(messages.journey.company(Number(theirs.sli).toFixed(1)))).toBeInTheDocument();
    }

    // Most customers at risk first, as the service counts them.
    const board = modelFrom(readJourneyBoard(series));
    const risks = sortJourney(board.rows, 'risk', []).map((row) => row.customersAtRisk ?? -1);
    expect(risks).toEqual([...risks].sort((a, b) => b - a));
    expect(journeyRows()).toEqual(sortJourney(board.rows, 'risk', []).map((row) => row.touchpoint));
    // Windows still open at the data's end (June) are marked, not hidden.
    const incomplete = board.rows.filter((row) => row.incompleteCustomers > 0);
    expect(incomplete.length).toBeGreaterThan(0);
    for (const row of incomplete) {
      expect(
        within(screen.getByTestId(testIds.journeyRow(row.key))).getByText(
          `⚠ ${messages.journey.incomplete(row.incompleteCustomers)}`
        )
      ).toBeInTheDocument();
    }
  });

  it('lists a touchpoint’s negative ratings at the branch, newest first with their follow-up, and goes on to a customer', async () => {
    const { series, request } = await touchpoint.panelData(journeyTargets, RANGE);
    renderPanel({ series, request, timeRange: RANGE, variables, options: journeyPanel.options });
    const top = journeyRows()[0]!;
    await userEvent.click(within(screen.getByTestId(testIds.journeyRow(top))).getByRole('button'));
    expect(locationService.getSearchObject()).toMatchObject({ 'touchpoint-drill-7': `touchpoint:${top}` });
    expect(crumbs()).toEqual([messages.scorecard, messages.steps.touchpoint(top)]);

    await screen.findByRole('columnheader', { name: 'Follow-up' }, { timeout: 10_000 });
    const negative = await sqlRows(
      seeded.db,
      `select customer_id, case when followup_id is null then 'no case' when closed_at is null then 'open' else 'closed' end as status
       from fct_negative_ratings
       where touchpoint = '${top}' and branch_id = '${branchId}' and ${IN_RANGE}
       order by responded_at desc, response_id limit 500`
    );
    expect(negative.length).toBeGreaterThan(0);
    expect(tableColumn('Customer')).toEqual(negative.map((row) => row.customer_id ?? '–'));
    expect(tableColumn('Follow-up')).toEqual(negative.map((row) => row.status));
    expect(new Set(tableColumn('Branch'))).toEqual(new Set([branchName]));

    const customer = screen.getByTestId(testIds.drillTable).querySelector('tbody button')!;
    const customerId = customer.textContent!;
    await userEvent.click(customer);
    expect(crumbs()).toEqual([messages.scorecard, messages.steps.touchpoint(top), messages.steps.customer(customerId)]);
    await screen.findByRole('columnheader', { name: 'Event' }, { timeout: 10_000 });
  });

  it('walks a branch -> why (its SLI per touchpoint and service metrics against the company’s) -> its customers', async () => {
    const { series, request } = await touchpoint.panelData([sliByBranch], RANGE);
    renderPanel({ series, request, timeRange: RANGE, variables, options: { view: 'sli' } });
    await userEvent.click(screen.getByTestId(testIds.gauge(branchId)));
    expect(locationService.getSearchObject()).toMatchObject({
      'touchpoint-drill-7': `why:${branchId}`,
      'var-branch': branchId,
    });
    expect(crumbs()).toEqual([messages.scorecard, messages.steps.why(branchName)]);

    const touchpoints = await screen.findByTestId(testIds.whyTouchpoints, {}, { timeout: 10_000 });
    const sli = async (where: string) =>
      new Map(
        (
          await sqlRows(
            seeded.db,
            `select touchpoint, metric('sli') as sli, sum(sli_n)::int as n from agg_response_daily
             where ${DAYS_IN_RANGE} ${where} group by all`
          )
        ).map((row) => [String(row.touchpoint), row])
      );
    const atBranch = await sli(`and branch_id = '${branchId}'`);
    const company = await sli('');
    // Worst gap to the company first.
    const gaps = [...atBranch.keys()]
      .map((name) => ({ name, gap: Number(atBranch.get(name)!.sli) - Number(company.get(name)!.sli) }))
      .sort((a, b) => a.gap - b.gap || a.name.localeCompare(b.name));
    expect(
      within(touchpoints)
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.getAttribute('data-testid'))
    ).toEqual(gaps.map(({ name }) => testIds.whyTouchpoint(name)));
    for (const { name } of gaps) {
      const row = within(screen.getByTestId(testIds.whyTouchpoint(name)));
      expect(row.getByText(Number(atBranch.get(name)!.sli).toFixed(1))).toBeInTheDocument();
      expect(row.getByText(Number(company.get(name)!.sli).toFixed(1))).toBeInTheDocument();
      expect(row.getAllByText(new RegExp(`^${messages.n(Number(atBranch.get(name)!.n))}`)).length).toBeGreaterThan(0);
    }

    // Service metrics, each at the branch and at the company, with its n.
    const csat = async (where: string) =>
      (
        await sqlRows(
          seeded.db,
          `select metric('csat') as csat, sum(csat_rated)::int as n from agg_interaction_daily
           where day >= '2024-01-01' and day < '2024-07-01' ${where}`
        )
      )[0];
    const csatRow = within(screen.getByTestId(testIds.whyMetric('csat')));
    const [branchCsat, companyCsat] = [await csat(`and branch_id = '${branchId}'`), await csat('')];
    expect(csatRow.getByText(`${Number(branchCsat.csat).toFixed(1)}%`)).toBeInTheDocument();
    expect(csatRow.getByText(`${Number(companyCsat.csat).toFixed(1)}%`)).toBeInTheDocument();
    expect(csatRow.getByText(new RegExp(`^${messages.n(Number(branchCsat.n))}`))).toBeInTheDocument();
    for (const metric of ['ces_mean', 'frt_median', 'resolution_median', 'fcr']) {
      expect(screen.getByTestId(testIds.whyMetric(metric))).toBeInTheDocument();
    }

    await userEvent.click(screen.getByRole('button', { name: messages.why.customers(branchName) }));
    expect(crumbs()).toEqual([messages.scorecard, messages.steps.why(branchName), messages.steps.branch(branchName)]);
    await screen.findByRole('columnheader', { name: 'Customer' }, { timeout: 10_000 });
    const [{ n }] = await sqlRows(
      seeded.db,
      `select count(*)::int as n from dim_customers where branch_id = '${branchId}' and started_at < '2024-07-01' and (ended_at is null or ended_at >= '2024-01-01')`
    );
    expect(tableColumn('Customer')).toHaveLength(Math.min(Number(n), 500));
  });
});
