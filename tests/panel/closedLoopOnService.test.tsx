/**
 * @jest-environment-options {"customExportConditions": ["browser", "node"]}
 */
// The `node` condition is for `yaml` (read with the provisioned dashboards),
// whose browser build is an ES module jest does not transform here.
import { dateTime, type TimeRange } from '@grafana/data';
import { locationService } from '@grafana/runtime';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { savedQuerySchema } from '@touchpoint/contract/src/savedQuery';
import type { VariableSpec } from '@touchpoint/preview/src/host/dashboardTemplateSrv';
import { HOME_DASHBOARD_UID } from '@touchpoint/preview/src/server/previewSources';
import { messages, testIds } from '@touchpoint/scorecard-panel/src/messages';
import { formatDuration } from '@touchpoint/scorecard-panel/src/model/formatDuration';
import { writeSmallWarehouse } from '@touchpoint/server/src/testing/smallWarehouse';
import { readDashboardFiles } from '../grafana/support/dashboardFiles';
import { SERVICE_TOKEN } from '../grafana/support/seededService';
import { startServiceProcess, type ServiceProcess } from '../support/serviceProcess';
import { registerTouchpoint } from './support/panelOnService';
import { renderPanel, resetUrl } from './support/renderPanel';
import { sqlRows, tableColumn } from './support/warehouseRows';

// The small warehouse runs from January to 24 April 2024 22:20 (its as-of).
const RANGE: TimeRange = (() => {
  const from = dateTime(Date.UTC(2024, 0, 1));
  const to = dateTime(Date.UTC(2024, 3, 25));
  return { from, to, raw: { from, to } };
})();
const IN_RANGE = `responded_at >= '2024-01-01' and responded_at < '2024-04-25'`;
const VARIABLES: VariableSpec[] = [
  { name: 'branch', options: ['B1', 'B2', 'B3'], selected: '$__all', multi: true, includeAll: true },
];

/** The leadership dashboard's own closed-loop panel: its queries as saved, its options. */
const closedLoopPanel = readDashboardFiles()
  .find((file) => file.dashboard.uid === HOME_DASHBOARD_UID)!
  .panels.find((panel) => panel.options.view === 'closedLoop')!;
const targets = closedLoopPanel.targets.map(({ datasource: _datasource, ...target }) => savedQuerySchema.parse(target));

const waitForTable = (column: string) => screen.findByRole('columnheader', { name: column }, { timeout: 10_000 });
const crumbs = () =>
  within(screen.getByTestId(testIds.breadcrumbs))
    .getAllByRole('listitem')
    .map((item) => item.textContent);

describe('the closed-loop view on the real service', () => {
  let dir: string;
  let db: string;
  let service: ServiceProcess;
  let touchpoint: ReturnType<typeof registerTouchpoint>;
  let expected: Array<Record<string, unknown>>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'touchpoint-closed-loop-panel-'));
    db = join(dir, 'small.duckdb');
    await writeSmallWarehouse(db);
    service = await startServiceProcess(db, {}, ['--token', SERVICE_TOKEN]);
    touchpoint = registerTouchpoint(service.url, VARIABLES);
    // Each branch's numbers straight from the fact, worst backlog first.
    expected = await sqlRows(
      db,
      `select n.branch_id, b.branch_name, sum(n.followups_overdue)::int as overdue,
              max(epoch(i.as_of - n.responded_at)) filter (where n.is_awaiting) as oldest,
              100.0 * sum(n.followup_closed_in_sla) / sum(n.followup_eligible) as in_sla,
              sum(n.followup_eligible)::int as eligible,
              quantile_cont(n.first_contact_seconds, 0.5) as contact,
              100.0 * sum(n.recovered) / nullif(sum(n.recovery_n), 0) as recovery, sum(n.recovery_n)::int as recovery_n
       from fct_negative_ratings as n join dim_branches as b using (branch_id), model_info as i
       where ${IN_RANGE}
       group by all order by overdue desc, in_sla, branch_id`
    );
  });
  afterAll(async () => {
    await service?.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => resetUrl('?var-branch=$__all'));

  it('shows per branch, by name and worst backlog first, the numbers the warehouse holds', async () => {
    const { series, request } = await touchpoint.panelData(targets, RANGE);
    renderPanel({ series, request, timeRange: RANGE, variables: VARIABLES, options: { view: 'closedLoop' } });
    expect(expected.map((row) => row.branch_id)).toHaveLength(3);
    const rows = within(screen.getByTestId(testIds.closedLoopTable)).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.getAttribute('data-testid'))).toEqual(
      expected.map((row) => testIds.closedLoopRow(String(row.branch_id)))
    );
    for (const row of expected) {
      const cells = within(screen.getByTestId(testIds.closedLoopRow(String(row.branch_id))));
      expect(cells.getByRole('button')).toHaveTextContent(String(row.branch_name));
      expect(cells.getByText(messages.closedLoop.overdueCount(Number(row.overdue)))).toBeInTheDocument();
      expect(cells.getByText(formatDuration(Number(row.oldest)))).toBeInTheDocument();
      expect(cells.getByText(`${Number(row.in_sla).toFixed(1)}%`)).toBeInTheDocument();
      expect(cells.getByText(formatDuration(Number(row.contact)))).toBeInTheDocument();
      expect(cells.getByText(row.recovery === null ? '–' : `${Number(row.recovery).toFixed(1)}%`)).toBeInTheDocument();
      expect(cells.getByText(messages.n(Number(row.eligible)))).toBeInTheDocument();
      // A share resting on fewer than 30 cases says so in words.
      const recoveryCell = [
        ...screen.getByTestId(testIds.closedLoopRow(String(row.branch_id))).querySelectorAll('td'),
      ].at(-1)!;
      expect(recoveryCell).toHaveTextContent(messages.n(Number(row.recovery_n)));
      expect(recoveryCell.textContent?.includes(messages.lowN(30))).toBe(Number(row.recovery_n) < 30);
    }
  });

  it('drills worst branch -> its ratings awaiting follow-up, oldest first -> the customer’s history with each case', async () => {
    const { series, request } = await touchpoint.panelData(targets, RANGE);
    renderPanel({ series, request, timeRange: RANGE, variables: VARIABLES, options: { view: 'closedLoop' } });
    const worst = expected[0];
    const branchId = String(worst.branch_id);
    await userEvent.click(within(screen.getByTestId(testIds.closedLoopRow(branchId))).getByRole('button'));
    expect(locationService.getSearchObject()).toMatchObject({
      'touchpoint-drill-7': `followups:${branchId}`,
      'var-branch': branchId,
    });
    expect(crumbs()).toEqual([messages.scorecard, messages.steps.followups(String(worst.branch_name))]);
    expect(screen.getByTestId(testIds.closedLoopSummary)).toHaveTextContent(
      `${worst.branch_name} (${branchId}) · ${messages.closedLoop.overdueCount(Number(worst.overdue))}`
    );

    await waitForTable('Owner');
    const awaiting = await sqlRows(
      db,
      `select customer_id, owner from fct_negative_ratings
       where branch_id = '${branchId}' and is_awaiting and ${IN_RANGE}
       order by responded_at, response_id limit 500`
    );
    expect(tableColumn('Customer')).toEqual(awaiting.map((row) => row.customer_id));
    expect(tableColumn('Owner')).toEqual(awaiting.map((row) => (row.owner === null ? '–' : row.owner)));
    expect(tableColumn('Age')[0]).toBe(formatDuration(Number(worst.oldest)));
    expect(
      [...screen.getByTestId(testIds.drillTable).querySelectorAll('thead th')].map((th) => th.textContent)
    ).toEqual([
      'Rated',
      'Customer',
      'Touchpoint',
      'Instrument',
      'Score',
      'Comment',
      'Age',
      'Overdue',
      'Status',
      'Owner',
    ]);

    const customerId = String(awaiting[0].customer_id);
    await userEvent.click(screen.getByTestId(testIds.drillTable).querySelector('tbody button')!);
    expect(crumbs()).toEqual([
      messages.scorecard,
      messages.steps.followups(String(worst.branch_name)),
      messages.steps.customer(customerId),
    ]);
    await waitForTable('Case opened');
    const cases = await sqlRows(
      db,
      `select r.response_id, f.owner from fct_responses as r join stg_followups as f using (response_id)
       where r.customer_id = '${customerId}' order by r.responded_at, r.response_id`
    );
    expect(cases.length).toBeGreaterThan(0);
    const ids = tableColumn('Id');
    const caseOwners = tableColumn('Owner');
    for (const rating of cases) {
      const index = ids.indexOf(String(rating.response_id));
      expect(tableColumn('Case opened')[index]).toMatch(/^\d{4}-\d{2}-\d{2} \d\d:\d\d$/);
      expect(caseOwners[index]).toBe(rating.owner === null ? '–' : rating.owner);
    }
  });
});
