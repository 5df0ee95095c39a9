/**
 * @jest-environment-options {"customExportConditions": ["browser", "node"]}
 */
// The `node` condition is for `yaml` (read with the provisioned dashboards),
// whose browser build is an ES module jest does not transform here.
import { dateTime, type TimeRange } from '@grafana/data';
import { screen } from '@testing-library/react';
import { savedQuerySchema } from '@touchpoint/contract/src/savedQuery';
import type { VariableSpec } from '@touchpoint/preview/src/host/dashboardTemplateSrv';
import { HOME_DASHBOARD_UID } from '@touchpoint/preview/src/server/previewSources';
import { testIds } from '@touchpoint/scorecard-panel/src/messages';
import { readDashboardFiles } from '../grafana/support/dashboardFiles';
import { startSeededService, type SeededService } from '../grafana/support/seededService';
import { registerTouchpoint } from './support/panelOnService';
import { renderPanel, resetUrl } from './support/renderPanel';
import { sqlRows } from './support/warehouseRows';

// The seeded warehouse's first half of 2024: cohorts January to May.
const RANGE: TimeRange = (() => {
  const from = dateTime(Date.UTC(2024, 0, 1));
  const to = dateTime(Date.UTC(2024, 5, 30));
  return { from, to, raw: { from, to } };
})();

/** The leadership dashboard's own cohort panel: its queries as saved, its options. */
const cohortPanel = readDashboardFiles()
  .find((file) => file.dashboard.uid === HOME_DASHBOARD_UID)!
  .panels.find((panel) => panel.options.view === 'cohorts')!;
const targets = cohortPanel.targets.map(({ datasource: _datasource, ...target }) => savedQuerySchema.parse(target));

const list = (values: string[]) => values.map((value) => `'${value}'`).join(', ');

/** Each cell of the triangle of these branches (and regions) by the definition, straight from dim_customers. */
const directCells = (db: string, branches: string[], regions?: string[]) =>
  sqlRows(
    db,
    `with info as (select first_month, as_of from model_info),
     members as (
         select c.cohort_month, c.ended_at from dim_customers as c, info
         where c.cohort_month >= info.first_month and c.cohort_month >= '2024-01-01' and c.cohort_month < '2024-06-30'
           and c.branch_id in (${list(branches)}) ${regions ? `and c.region in (${list(regions)})` : ''}
     ),
     cells as (
         select cohort_month, count(*) as size, unnest(range(0, datediff('month', cohort_month, any_value(info.as_of)))) as k
         from members, info group by cohort_month
     )
     select strftime(cells.cohort_month, '%Y-%m-%d') as month, k, size,
            (select count(*) from members as m
             where m.cohort_month = cells.cohort_month
               and (m.ended_at is null or m.ended_at >= cells.cohort_month + to_months(k + 1)))::int as active
     from cells order by 1, 2`
  );

/** The triangle as the panel shows it: each cell's text by cohort and month since start. */
const shownCells = (cells: Array<Record<string, unknown>>) =>
  cells.map((cell) => screen.getByTestId(testIds.cohortCell(String(cell.month), Number(cell.k))).textContent);
const percent = (cell: Record<string, unknown>) => `${Math.round((100 * Number(cell.active)) / Number(cell.size))}%`;

describe('the retention triangle on the real service follows the branch and region variables', () => {
  let seeded: SeededService;
  let branches: string[];
  let regions: string[];
  beforeAll(async () => {
    seeded = await startSeededService();
    const rows = await sqlRows(seeded.db, 'select branch_id, region from dim_branches order by 1');
    branches = rows.map((row) => String(row.branch_id));
    regions = [...new Set(rows.map((row) => String(row.region)))].sort();
  });
  afterAll(() => seeded?.stop());
  beforeEach(() => resetUrl('?var-branch=$__all'));

  const render = async (selected: string | string[], region: string | string[] = '$__all') => {
    const variables: VariableSpec[] = [
      { name: 'branch', options: branches, selected, multi: true, includeAll: true },
      { name: 'region', options: regions, selected: region, multi: true, includeAll: true },
    ];
    const touchpoint = registerTouchpoint(seeded.service.url, variables);
    const { series, request } = await touchpoint.panelData(targets, RANGE);
    return renderPanel({ series, request, timeRange: RANGE, variables, options: cohortPanel.options });
  };

  it('shows every branch’s customers with All selected', async () => {
    await render('$__all');
    const cells = await directCells(seeded.db, branches);
    expect(cells.length).toBeGreaterThan(5);
    expect(shownCells(cells)).toEqual(cells.map(percent));
  });

  it('narrows the triangle and its average to one branch, and to two, exactly', async () => {
    const all = await directCells(seeded.db, branches);
    const [first, second] = branches;
    const one = await directCells(seeded.db, [first]);
    // The branch's own cohorts are smaller than the company's, so a narrowed triangle shows.
    expect(one.map((cell) => cell.size)).not.toEqual(all.slice(0, one.length).map((cell) => cell.size));

    const { unmount } = await render(first);
    expect(shownCells(one)).toEqual(one.map(percent));
    const firstMonth = one.filter((cell) => cell.k === 0);
    const average = firstMonth.reduce((sum, cell) => sum + Number(cell.active), 0);
    const customers = firstMonth.reduce((sum, cell) => sum + Number(cell.size), 0);
    expect(screen.getByTestId(testIds.cohortCell('average', 0))).toHaveAttribute(
      'title',
      expect.stringContaining(`${average.toLocaleString('en-US')} of ${customers.toLocaleString('en-US')} still active`)
    );
    unmount();

    await render([first, second]);
    const two = await directCells(seeded.db, [first, second]);
    expect(shownCells(two)).toEqual(two.map(percent));
  });

  it('narrows to the branches of the selected region', async () => {
    expect(regions.length).toBeGreaterThan(1);
    const [region] = regions;
    await render('$__all', region);
    const inRegion = await directCells(seeded.db, branches, [region]);
    expect(inRegion.length).toBeGreaterThan(0);
    expect(shownCells(inRegion)).toEqual(inRegion.map(percent));
  });
});
