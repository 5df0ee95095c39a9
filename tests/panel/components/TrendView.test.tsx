import { createTheme } from '@grafana/data';
import { ThemeContext } from '@grafana/ui';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { metricFramesFor } from '../support/serviceFrames';
import { testIds } from '@touchpoint/scorecard-panel/src/messages';
import { readTrendCharts, type TrendModel } from '@touchpoint/scorecard-panel/src/model/trendCharts';
import { defaultOptions, type ScorecardOptions } from '@touchpoint/scorecard-panel/src/options/scorecardOptions';
import { TrendView } from '@touchpoint/scorecard-panel/src/components/TrendView';
import type { ViewProps } from '@touchpoint/scorecard-panel/src/components/viewProps';
import { modelFrom } from '../support/modelFrom';

const may = (day: number) => Date.UTC(2024, 4, day);

const frames = [
  ...metricFramesFor(
    'csat',
    [
      { time: may(1), value: 78, n: 25 },
      { time: may(2), value: null, n: 0 },
      { time: may(3), value: 82.1, n: 140 },
    ],
    { interval: 'day' }
  ),
  ...metricFramesFor(
    'ces_mean',
    [
      { time: may(1), value: 5.8, n: 60 },
      { time: may(3), value: 6.1, n: 45 },
    ],
    { interval: 'day', refId: 'B' }
  ),
  ...metricFramesFor(
    'sli',
    [
      { time: may(1), value: 40, n: 300 },
      { time: may(4), value: 45, n: 320 },
    ],
    { interval: 'day', refId: 'C' }
  ),
];

const modelOf = (input = frames): TrendModel => modelFrom(readTrendCharts(input));

type Overrides = Partial<Omit<ViewProps<TrendModel>, 'options'>> & { options?: Partial<ScorecardOptions> };

const renderTrend = ({ options, ...overrides }: Overrides = {}, wrap = (view: ReactElement) => view) => {
  const onDrill = jest.fn();
  const props: ViewProps<TrendModel> = {
    model: modelOf(),
    options: { ...defaultOptions, view: 'trend', ...options },
    width: 800,
    height: 600,
    wall: false,
    timeZone: 'utc',
    onDrill,
    ...overrides,
  };
  const { unmount } = render(wrap(<TrendView {...props} />));
  return { onDrill, unmount };
};

const csatPoint = "CSAT 82.1% on 2024-05-03, n = 140: show that day's contacts";
const lowPoint = "CSAT 78.0% on 2024-05-01, n = 25 (low n): show that day's contacts";

describe('TrendView', () => {
  it('stacks one chart per interaction metric, each titled with its level', () => {
    renderTrend();
    expect(screen.getAllByRole('heading').map((heading) => heading.textContent)).toEqual([
      'CSAT · interaction level',
      'CES (mean) · interaction level',
    ]);
    expect(screen.getByTestId(testIds.trendChart('csat'))).toBeInTheDocument();
    expect(screen.getByTestId(testIds.trendChart('ces_mean'))).toBeInTheDocument();
    expect(screen.queryByTestId(testIds.trendChart('sli'))).not.toBeInTheDocument();
  });

  it('writes the left axis in the metric’s unit', () => {
    renderTrend();
    const csat = within(screen.getByTestId(testIds.trendChart('csat')));
    // 78..82.1 with the goal of 80, padded: ticks of 1 from 77% to 83%
    expect(csat.getByText('77%')).toBeInTheDocument();
    expect(csat.getByText('83%')).toBeInTheDocument();
  });

  it('writes the shared time axis once, under the bottom chart', () => {
    renderTrend();
    expect(within(screen.getByTestId(testIds.trendChart('ces_mean'))).getByText('May 3')).toBeInTheDocument();
    expect(within(screen.getByTestId(testIds.trendChart('csat'))).queryByText('May 3')).not.toBeInTheDocument();
  });

  it('labels the goal line when goals are shown, and drops it when they are not', () => {
    const { unmount } = renderTrend();
    expect(screen.getByText('Goal 80%')).toBeInTheDocument();
    expect(screen.getByText('Goal 5.5')).toBeInTheDocument();
    unmount();
    renderTrend({ options: { showGoals: false } });
    expect(screen.queryByText('Goal 80%')).not.toBeInTheDocument();
  });

  it('puts relationship overlays on a labelled right axis of every chart, and leaves them off when asked', () => {
    const { unmount } = renderTrend();
    expect(screen.getAllByText('SLI (relationship) →')).toHaveLength(2);
    expect(screen.getAllByText('SLI (relationship)')).toHaveLength(2);
    unmount();
    renderTrend({ options: { showOverlay: false } });
    expect(screen.queryByText('SLI (relationship) →')).not.toBeInTheDocument();
    expect(screen.queryByText('SLI (relationship)')).not.toBeInTheDocument();
  });

  it('drills into the UTC day of a clicked point, whatever the dashboard’s time zone', async () => {
    const user = userEvent.setup();
    const { onDrill } = renderTrend({ timeZone: 'America/New_York' });
    await user.click(screen.getByRole('button', { name: csatPoint }));
    expect(onDrill).toHaveBeenCalledTimes(1);
    expect(onDrill).toHaveBeenCalledWith({ kind: 'day', day: '2024-05-03' });
  });

  it('lets the keyboard reach a point and open its day with Enter or Space', async () => {
    const user = userEvent.setup();
    const { onDrill } = renderTrend();
    await user.tab();
    expect(screen.getByRole('button', { name: lowPoint })).toHaveFocus();
    await user.keyboard('{Enter}');
    await user.tab();
    expect(screen.getByRole('button', { name: csatPoint })).toHaveFocus();
    await user.keyboard(' ');
    expect(onDrill.mock.calls).toEqual([[{ kind: 'day', day: '2024-05-01' }], [{ kind: 'day', day: '2024-05-03' }]]);
  });

  it('shows value and n on hover and has no point for a bucket nobody rated', () => {
    renderTrend();
    expect(screen.getByRole('button', { name: csatPoint }).querySelector('title')).toHaveTextContent(
      /^CSAT 82\.1% on 2024-05-03, n = 140$/
    );
    expect(screen.queryByRole('button', { name: /CSAT .* on 2024-05-02/ })).not.toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: /^CSAT / })).toHaveLength(2);
  });

  it('draws a point under the minimum n hollow and says so in words', () => {
    renderTrend();
    const low = screen.getByRole('button', { name: lowPoint });
    const high = screen.getByRole('button', { name: csatPoint });
    const dot = (point: HTMLElement) => point.querySelectorAll('circle')[1];
    expect(dot(low).getAttribute('fill')).not.toBe(dot(low).getAttribute('stroke'));
    expect(dot(high).getAttribute('fill')).toBe(dot(high).getAttribute('stroke'));
    expect(screen.getAllByText('Low n (<30)')).toHaveLength(1);
  });

  it('writes each series’ latest value and n as text on a wall, and not on a desktop', () => {
    const { unmount } = renderTrend({ wall: true, width: 1920, height: 1080 });
    expect(screen.getByText('82.1%, n = 140')).toBeInTheDocument();
    expect(screen.getByText('6.10, n = 45')).toBeInTheDocument();
    expect(screen.getAllByText('45.0, n = 320')).toHaveLength(2);
    unmount();
    renderTrend();
    expect(screen.queryByText('82.1%, n = 140')).not.toBeInTheDocument();
  });

  it('uses the light theme’s colours when Grafana is light', () => {
    const light = createTheme({ colors: { mode: 'light' } });
    const dark = createTheme();
    renderTrend({}, (view) => <ThemeContext.Provider value={light}>{view}</ThemeContext.Provider>);
    const line = screen.getByTestId(testIds.trendChart('csat')).querySelector('path:not([stroke-dasharray])');
    expect(line?.getAttribute('stroke')).toBe(light.visualization.getColorByName('blue'));
    expect(light.visualization.getColorByName('blue')).not.toBe(dark.visualization.getColorByName('blue'));
    expect(screen.getByRole('button', { name: csatPoint })).toBeInTheDocument();
  });

  it('fits a 300x200 panel: the charts and their points stay, the legend detail goes', () => {
    renderTrend({ width: 300, height: 200 });
    expect(screen.getAllByRole('heading')).toHaveLength(2);
    expect(screen.getByRole('button', { name: csatPoint })).toBeInTheDocument();
    expect(screen.queryByText('responses (n)')).not.toBeInTheDocument();
    expect(screen.getAllByText('SLI (relationship) →')).toHaveLength(2);
    for (const svg of document.querySelectorAll('svg[role="group"]')) {
      expect(Number(svg.getAttribute('width'))).toBe(300);
    }
  });

  it('scales up to a 4K wall', () => {
    renderTrend({ wall: true, width: 3840, height: 2160 });
    const svgs = [...document.querySelectorAll('svg[role="group"]')];
    expect(svgs.map((svg) => svg.getAttribute('width'))).toEqual(['3840', '3840']);
    expect(screen.getAllByText('responses (n)')).toHaveLength(2);
  });

  it('says which overlay it left off when its unit differs from the right axis', () => {
    const churn = metricFramesFor('churn_rate', [{ time: may(1), value: 2.5, n: 800 }], {
      interval: 'day',
      refId: 'D',
    });
    renderTrend({ model: modelOf([...frames, ...churn]) });
    expect(
      screen.getByText('Churn rate not drawn: the second axis already shows SLI, in another unit.')
    ).toBeInTheDocument();
  });
});
