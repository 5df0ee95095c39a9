import { createTheme, LoadingState } from '@grafana/data';
import { locationService, setTemplateSrv } from '@grafana/runtime';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DashboardTemplateSrv } from '@touchpoint/preview/src/host/dashboardTemplateSrv';
import { messages, testIds } from '@touchpoint/scorecard-panel/src/messages';
import { metricFramesFor } from './support/serviceFrames';
import { renderPanel, resetUrl } from './support/renderPanel';

// Hand-checked against docs/metrics.md's bands: 67.4 Excellent, 21.5 Good, -12.5 Bad, -60 Unacceptable.
const gauges = metricFramesFor(
  'sli',
  [
    { branch_id: 'BR001', region: 'North', value: 67.4, n: 250, previous: 70, previous_n: 240, change: -2.6 },
    { branch_id: 'BR002', region: 'South', value: 21.5, n: 180, previous: 11.5, previous_n: 150, change: 10 },
    { branch_id: 'BR003', region: 'North', value: -12.5, n: 12, previous: null, previous_n: 0, change: null },
    { branch_id: 'BR004', region: 'South', value: -60, n: 90, previous: -55, previous_n: 80, change: -5 },
  ],
  { groupBy: ['branch_id', 'region'], compared: true }
);

const gaugeOrder = () =>
  screen
    .getAllByTestId(/^touchpoint-gauge-BR/)
    .map((gauge) => gauge.getAttribute('data-testid')?.replace('touchpoint-gauge-', ''));

describe('scorecard panel: SLI by branch', () => {
  beforeEach(() => resetUrl());

  it('shows each branch’s value, band, n and change in words, worst first', () => {
    renderPanel({ series: gauges });
    expect(gaugeOrder()).toEqual(['BR004', 'BR003', 'BR002', 'BR001']);
    const best = within(screen.getByTestId(testIds.gauge('BR001')));
    expect(best.getByText('67.4')).toBeInTheDocument();
    expect(best.getByText('Excellent')).toBeInTheDocument();
    expect(best.getByText('n = 250')).toBeInTheDocument();
    expect(best.getByText('▼ −2.6 vs previous period')).toBeInTheDocument();
    const worst = within(screen.getByTestId(testIds.gauge('BR004')));
    expect(worst.getByText('Unacceptable')).toBeInTheDocument();
    expect(
      within(screen.getByTestId(testIds.gauge('BR002'))).getByText('▲ +10.0 vs previous period')
    ).toBeInTheDocument();
  });

  it('marks a branch under the minimum n instead of hiding it, and says when there is no previous value', () => {
    renderPanel({ series: gauges });
    const thin = within(screen.getByTestId(testIds.gauge('BR003')));
    expect(thin.getByText(/Low n \(<30\)/)).toBeInTheDocument();
    expect(thin.getByText('Bad')).toBeInTheDocument();
    expect(thin.getByText('no previous value')).toBeInTheDocument();
  });

  it('sorts best first or by name when asked', () => {
    const { rerenderWith } = renderPanel({ series: gauges, options: { sort: 'best' } });
    expect(gaugeOrder()).toEqual(['BR001', 'BR002', 'BR003', 'BR004']);
    // Names out of value order, so sorting by name cannot pass by sorting by value.
    const named = metricFramesFor(
      'sli',
      [
        { branch_id: 'BR10', value: 80, n: 50 },
        { branch_id: 'BR2', value: -20, n: 50 },
        { branch_id: 'BR1', value: 10, n: 50 },
      ],
      { groupBy: ['branch_id'] }
    );
    rerenderWith({ series: named, options: { sort: 'name' } });
    expect(gaugeOrder()).toEqual(['BR1', 'BR2', 'BR10']);
  });

  it('groups the gauges by region, each region worst first', () => {
    renderPanel({ series: gauges, options: { groupByRegion: true } });
    const groups = screen.getAllByTestId(testIds.regionGroup);
    expect(groups.map((group) => group.getAttribute('aria-label'))).toEqual(['North', 'South']);
    expect(within(groups[0]).getByText('North · 2 branches')).toBeInTheDocument();
    expect(
      within(groups[1])
        .getAllByRole('button')
        .map((b) => b.getAttribute('data-testid'))
    ).toEqual([testIds.gauge('BR004'), testIds.gauge('BR002')]);
  });

  it('fits one branch in a 300x200 panel and 200 branches on a 4K wall', () => {
    const one = metricFramesFor('sli', [{ branch_id: 'BR001', value: 10, n: 40 }], { groupBy: ['branch_id'] });
    const { unmount } = renderPanel({ series: one, width: 300, height: 200 });
    expect(screen.getByTestId(testIds.gauge('BR001'))).toHaveStyle({ height: `${200 - 18 - 6 - 6}px` });
    unmount();
    const many = metricFramesFor(
      'sli',
      Array.from({ length: 200 }, (_, i) => ({
        branch_id: `BR${String(i + 1).padStart(3, '0')}`,
        value: (i % 41) * 5 - 100,
        n: 50 + i,
      })),
      { groupBy: ['branch_id'] }
    );
    renderPanel({ series: many, width: 3840, height: 2160, options: { wall: 'on' } });
    expect(screen.getAllByTestId(/^touchpoint-gauge-BR/)).toHaveLength(200);
    expect(screen.getByTestId(testIds.gauge('BR001')).style.width).toMatch(/^\d+(\.\d+)?px$/);
    expect(parseFloat(screen.getByTestId(testIds.gauge('BR001')).style.width)).toBeGreaterThan(160);
  });

  it('says which query it needs when the data has no branch table', () => {
    renderPanel({ series: metricFramesFor('sli', [{ value: 5, n: 40 }]) });
    expect(screen.getByText(/grouped by branch_id/)).toBeInTheDocument();
  });

  it('uses Grafana’s no-data view when there is no data', () => {
    renderPanel({ series: [] });
    expect(screen.queryByTestId(testIds.panel)).not.toBeInTheDocument();
    expect(screen.getByText(/Unable to render data/)).toBeInTheDocument();
  });

  it('waits quietly, with no error view, while its first query is in flight', () => {
    renderPanel({ series: [], state: LoadingState.Loading });
    expect(screen.getByTestId(testIds.panelLoading)).toHaveAttribute('aria-busy', 'true');
    expect(screen.queryByText(/Unable to render data/)).not.toBeInTheDocument();
  });

  it('does not name a problem with frames that are still arriving', () => {
    renderPanel({ series: metricFramesFor('sli', [{ value: 5, n: 40 }]), state: LoadingState.Loading });
    expect(screen.getByTestId(testIds.panelLoading)).toBeInTheDocument();
    expect(screen.queryByText(/grouped by branch_id/)).not.toBeInTheDocument();
  });

  it('renders in the light theme too', () => {
    renderPanel({ series: gauges, theme: createTheme({ colors: { mode: 'light' } }) });
    expect(screen.getByTestId(testIds.gauge('BR001'))).toHaveTextContent('Excellent');
  });
});

describe('scorecard panel: wall screens', () => {
  beforeEach(() => resetUrl());

  it('switches to the wall layout in Grafana’s kiosk mode: the data-as-of stamp, nothing only on hover', () => {
    resetUrl('?kiosk');
    jest.useFakeTimers({ now: Date.UTC(2024, 5, 30, 23), doNotFake: ['queueMicrotask'] });
    try {
      renderPanel({ series: gauges });
      expect(screen.getByTestId(testIds.asOf)).toHaveTextContent('Data as of 30 Jun 2024 18:00 (5 h old)');
      for (const gauge of screen.getAllByTestId(/^touchpoint-gauge-BR/)) {
        expect(gauge).not.toHaveAttribute('title');
      }
    } finally {
      jest.useRealTimers();
    }
  });

  it('keeps hover text outside kiosk mode and the wall layout off when set to never', () => {
    resetUrl('?kiosk');
    renderPanel({ series: gauges, options: { wall: 'off' } });
    expect(screen.getByTestId(testIds.gauge('BR001'))).toHaveAttribute('title', expect.stringContaining('n = 250'));
  });

  it('rotates through regions, one at a time, when asked', () => {
    jest.useFakeTimers();
    try {
      renderPanel({ series: gauges, options: { wall: 'on', groupByRegion: true, rotateSeconds: 10 } });
      expect(screen.getAllByTestId(testIds.regionGroup).map((g) => g.getAttribute('aria-label'))).toEqual(['North']);
      expect(screen.getByText(/Region 1 of 2/)).toBeInTheDocument();
      act(() => jest.advanceTimersByTime(10_000));
      expect(screen.getAllByTestId(testIds.regionGroup).map((g) => g.getAttribute('aria-label'))).toEqual(['South']);
      act(() => jest.advanceTimersByTime(10_000));
      expect(screen.getByText(/Region 1 of 2/)).toBeInTheDocument();
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('scorecard panel: drill path in the URL', () => {
  beforeEach(() => resetUrl('?var-branch=$__all'));

  it('sets the branch variable in place and shows the breadcrumbs; back and the breadcrumb return', async () => {
    renderPanel({ series: gauges });
    await userEvent.click(screen.getByTestId(testIds.gauge('BR003')));
    expect(locationService.getSearchObject()).toMatchObject({
      'var-branch': 'BR003',
      // A branch opens on why it stands where it does, before its customers.
      'touchpoint-drill-7': 'why:BR003',
    });
    const crumbs = within(screen.getByTestId(testIds.breadcrumbs));
    expect(crumbs.getByText(messages.steps.why('BR003'))).toHaveAttribute('aria-current', 'page');
    expect(screen.getByText(/SLI -12.5 · Bad · n = 12 · Low n/)).toBeInTheDocument();
    // No datasource on this page: the drill says so instead of spinning.
    expect(
      await screen.findByText(/needs the panel’s queries to come from the Touchpoint datasource/)
    ).toBeInTheDocument();

    act(() => locationService.getHistory().goBack());
    await screen.findByTestId(testIds.gauge('BR003'));
    expect(locationService.getSearchObject()['var-branch']).toBe('$__all');

    await userEvent.click(screen.getByTestId(testIds.gauge('BR001')));
    await userEvent.click(within(screen.getByTestId(testIds.breadcrumbs)).getByRole('button', { name: 'Scorecard' }));
    expect(screen.getByTestId(testIds.gauge('BR001'))).toBeInTheDocument();
    expect(locationService.getSearchObject()).toMatchObject({ 'var-branch': '$__all' });
    expect(locationService.getSearchObject()).not.toHaveProperty('touchpoint-drill-7');
  });

  it('restores the dashboard’s selection when the URL had no branch variable before the drill', async () => {
    resetUrl();
    setTemplateSrv(
      new DashboardTemplateSrv([
        { name: 'branch', options: ['BR001', 'BR002', 'BR003'], selected: '$__all', includeAll: true },
      ])
    );
    renderPanel({ series: gauges });
    await userEvent.click(screen.getByTestId(testIds.gauge('BR002')));
    expect(locationService.getSearchObject()['var-branch']).toBe('BR002');
    await userEvent.click(within(screen.getByTestId(testIds.breadcrumbs)).getByRole('button', { name: 'Scorecard' }));
    expect(locationService.getSearchObject()['var-branch']).toBe('$__all');
    expect(locationService.getSearchObject()).not.toHaveProperty('touchpoint-drill-7-return');
  });

  it('opens a drilled path from a link', async () => {
    resetUrl('?touchpoint-drill-7=branch:BR002/customer:C00042');
    renderPanel({ series: gauges });
    const crumbs = within(screen.getByTestId(testIds.breadcrumbs));
    expect(crumbs.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Scorecard',
      'Branch BR002',
      'Customer C00042',
    ]);
    await screen.findByText(messages.drillFailed);
  });
});
