import { createTheme, ThemeContext } from '@grafana/data';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { tableFrameFor } from '../support/serviceFrames';
import { messages, testIds } from '@touchpoint/scorecard-panel/src/messages';
import {
  legendGradient,
  retentionFill,
  shareFill,
  textOnFill,
} from '@touchpoint/scorecard-panel/src/model/cohortColor';
import { readCohortMatrix, type CohortModel } from '@touchpoint/scorecard-panel/src/model/cohortMatrix';
import { defaultOptions, type ScorecardOptions } from '@touchpoint/scorecard-panel/src/options/scorecardOptions';
import { CohortView } from '@touchpoint/scorecard-panel/src/components/CohortView';
import type { ViewProps } from '@touchpoint/scorecard-panel/src/components/viewProps';
import { cohortTriangle } from '../support/cohortTriangle';
import { modelFrom } from '../support/modelFrom';

/**
 * Jan 2024 (500): 460, 430, 412 active at k = 0, 1, 2  -> 92%, 86%, 82.4%
 * Feb 2024 (200): 180, 150                            -> 90%, 75%
 * Mar 2024 (20, under the minimum n of 30): 15        -> 75%
 * Average, weighted by size:
 *   k = 0: (460 + 180 + 15) / (500 + 200 + 20) = 655 / 720 = 91.0%
 *   k = 1: (430 + 150) / (500 + 200) = 580 / 700 = 82.9%
 *   k = 2: 412 / 500 = 82.4%
 */
const triangle = () => cohortTriangle([500, 200, 20], [[460, 430, 412], [180, 150], [15]]);

const modelOf = (frame = triangle()): CohortModel => modelFrom(readCohortMatrix([frame]));

/** A full year of cohorts, each with every month it has finished by the end of December. */
const yearModel = () => {
  const months: number[] = [];
  const ks: number[] = [];
  const sizes: number[] = [];
  const actives: number[] = [];
  for (let m = 0; m < 12; m++) {
    for (let k = 0; k < 12 - m; k++) {
      months.push(Date.UTC(2024, m, 1));
      ks.push(k);
      sizes.push(1000 + m);
      actives.push(1000 + m - 40 * (k + 1));
    }
  }
  return modelOf(
    tableFrameFor({
      cohort_month: { type: 'time', values: months },
      months_since_start: { type: 'number', values: ks },
      cohort_size: { type: 'number', values: sizes },
      active: { type: 'number', values: actives },
    })
  );
};

const cell = (cohort: string, k: number) => screen.getByTestId(testIds.cohortCell(cohort, k));

interface Overrides extends Partial<Omit<ViewProps<CohortModel>, 'options'>> {
  options?: Partial<ScorecardOptions>;
}

const renderCohorts = ({ options, ...overrides }: Overrides = {}) => {
  const onDrill = jest.fn();
  const props: ViewProps<CohortModel> = {
    model: modelOf(),
    options: { ...defaultOptions, view: 'cohorts', ...options },
    width: 800,
    height: 500,
    wall: false,
    timeZone: 'utc',
    onDrill,
    ...overrides,
  };
  const view = render(<CohortView {...props} />);
  return { ...view, onDrill };
};

describe('CohortView', () => {
  it('writes the percent retained in each cell the cohort has reached, and nothing where it has not', () => {
    renderCohorts();
    expect(cell('2024-01-01', 0)).toHaveTextContent(/^92%$/);
    expect(cell('2024-01-01', 2)).toHaveTextContent(/^82%$/);
    expect(cell('2024-02-01', 1)).toHaveTextContent(/^75%$/);
    expect(cell('2024-03-01', 0)).toHaveTextContent(/^75%$/);
    expect(screen.queryByTestId(testIds.cohortCell('2024-02-01', 2))).toBeNull();
    expect(screen.queryByTestId(testIds.cohortCell('2024-03-01', 1))).toBeNull();
  });

  it('writes the customers still active when cells show counts', () => {
    renderCohorts({ options: { cohortValue: 'count' } });
    expect(cell('2024-01-01', 2)).toHaveTextContent(/^412$/);
    expect(cell('2024-02-01', 0)).toHaveTextContent(/^180$/);
  });

  it('labels each row with its month and n, and marks a cohort under the minimum n', () => {
    renderCohorts();
    const labels = screen.getAllByRole('rowheader').map((header) => header.textContent);
    expect(labels).toEqual(['Jan 2024n 500', 'Feb 2024n 200', 'Mar 2024n 20 (low)', 'Averageweighted']);
  });

  it('says on hover and to screen readers how many of the cohort are still active', () => {
    renderCohorts();
    const title = 'Jan 2024 cohort, month 2: 412 of 500 still active (82.4%)';
    expect(cell('2024-01-01', 2)).toHaveAttribute('title', title);
    expect(screen.getByRole('button', { name: title })).toBe(cell('2024-01-01', 2));
    expect(cell('2024-03-01', 0)).toHaveAttribute(
      'title',
      'Mar 2024 cohort, month 0: 15 of 20 still active (75.0%). Low n (<30)'
    );
  });

  it('writes both the percent and the count in the cell on a wall, where nothing can be hovered', () => {
    const { rerender, onDrill } = renderCohorts({ wall: true });
    expect(within(cell('2024-01-01', 2)).getByText('82%')).toBeInTheDocument();
    expect(within(cell('2024-01-01', 2)).getByText('n 412')).toBeInTheDocument();
    expect(within(screen.getByTestId(testIds.cohortCell('average', 0))).getByText('n 655')).toBeInTheDocument();

    rerender(
      <CohortView
        model={modelOf()}
        options={{ ...defaultOptions, cohortValue: 'count' }}
        width={800}
        height={500}
        wall
        timeZone="utc"
        onDrill={onDrill}
      />
    );
    expect(cell('2024-01-01', 2)).toHaveTextContent(/^41282%$/);
  });

  it('keeps the count out of the cell off the wall', () => {
    renderCohorts();
    expect(within(cell('2024-01-01', 2)).queryByText('n 412')).toBeNull();
  });

  it('adds an Average row and curve weighted by cohort size', () => {
    renderCohorts();
    expect([0, 1, 2].map((k) => screen.getByTestId(testIds.cohortCell('average', k)).textContent)).toEqual([
      '91%',
      '83%',
      '82%',
    ]);
    expect(screen.getByTestId(testIds.cohortCell('average', 0))).toHaveAttribute(
      'title',
      'Average, month 0: 655 of 720 still active (91.0%) across 3 cohorts'
    );
    const curve = screen.getByTestId(testIds.cohortAverage);
    expect(curve).toHaveAttribute('aria-label', expect.stringContaining('month 0 91%, month 1 83%, month 2 82%'));
    expect(within(curve).getByText('91%')).toBeInTheDocument();
    expect(within(curve).getByText('83%')).toBeInTheDocument();
  });

  it('leaves out the Average row and curve when the option is off', () => {
    renderCohorts({ options: { showAverage: false } });
    expect(screen.queryByTestId(testIds.cohortAverage)).toBeNull();
    expect(screen.queryByTestId(testIds.cohortCell('average', 0))).toBeNull();
    expect(screen.queryByRole('rowheader', { name: /Average/ })).toBeNull();
  });

  it('drills into the cohort’s month on a click', async () => {
    const { onDrill } = renderCohorts();
    await userEvent.click(cell('2024-01-01', 2));
    expect(onDrill).toHaveBeenCalledWith({ kind: 'cohort', cohortMonth: '2024-01-01' });
  });

  it('drills from the keyboard with Enter', async () => {
    const { onDrill } = renderCohorts();
    cell('2024-02-01', 1).focus();
    await userEvent.keyboard('{Enter}');
    expect(onDrill).toHaveBeenCalledTimes(1);
    expect(onDrill).toHaveBeenCalledWith({ kind: 'cohort', cohortMonth: '2024-02-01' });
  });

  it('renders in the light theme with its own fills and readable text', () => {
    const light = createTheme({ colors: { mode: 'light' } });
    render(
      <ThemeContext.Provider value={light}>
        <CohortView
          model={modelOf()}
          options={defaultOptions}
          width={800}
          height={500}
          wall={false}
          timeZone="utc"
          onDrill={jest.fn()}
        />
      </ThemeContext.Provider>
    );
    const fill = retentionFill(light, { low: 0.75, high: 0.92 }, 0.92);
    expect(cell('2024-01-01', 0)).toHaveStyle({ background: fill, color: textOnFill(light, fill) });
    expect(cell('2024-01-01', 0)).toHaveTextContent('92%');
  });

  it('spreads the colours over the values shown: the highest cell is the theme’s blue, the lowest the faint end', () => {
    renderCohorts();
    const theme = createTheme();
    // 92% (Jan, month 0) is the highest value, 75% (Feb month 1, Mar month 0) the lowest.
    expect(cell('2024-01-01', 0)).toHaveStyle({ background: shareFill(theme, 1) });
    expect(cell('2024-02-01', 1)).toHaveStyle({ background: shareFill(theme, 0) });
    expect(cell('2024-01-01', 1)).toHaveStyle({ background: retentionFill(theme, { low: 0.75, high: 0.92 }, 0.86) });
    expect(cell('2024-01-01', 1).style.background).not.toBe(cell('2024-01-01', 0).style.background);
  });

  it('writes the ends of the colour scale in a legend, for the eye and for screen readers', () => {
    renderCohorts();
    const legend = screen.getByTestId(testIds.cohortLegend);
    expect(legend).toHaveTextContent(/^Retention75%92%$/);
    expect(legend).toHaveAccessibleName('Retention colour: from 75% (faintest) to 92% (strongest)');
    expect(legend.querySelector('span:nth-child(3)')).toHaveStyle({ background: legendGradient(createTheme()) });
  });

  it('writes the one value in the legend when every cell holds the same', () => {
    renderCohorts({ model: modelOf(cohortTriangle([100, 100, 100], [[100, 100, 100], [100, 100], [100]])) });
    expect(screen.getByTestId(testIds.cohortLegend)).toHaveTextContent(/^Retention100%$/);
  });

  it('shows only the latest cohorts that fit on a wall, says how many, and never scrolls', () => {
    const { container } = renderCohorts({ model: yearModel(), width: 1420, height: 360, wall: true });
    const root = container.firstElementChild as HTMLElement;
    expect(root).toHaveStyle({ overflow: 'hidden' });
    const shown = screen.getAllByRole('rowheader').length - 1;
    expect(shown).toBeGreaterThan(1);
    expect(shown).toBeLessThan(12);
    expect(screen.getByTestId(testIds.cohortLatest)).toHaveTextContent(
      `Latest ${shown} of 12 cohorts (average of all 12)`
    );
    expect(screen.getAllByRole('rowheader')[shown - 1]).toHaveTextContent('Dec 2024');
    expect(screen.queryByTestId(testIds.cohortCell('2024-01-01', 0))).toBeNull();
    expect(screen.getByTestId(testIds.cohortCell('average', 11))).toBeInTheDocument();
    expect(screen.queryByTestId(testIds.cohortAverage)).toBeNull();
  });

  it('shows every cohort off the wall, without a "latest" note', () => {
    renderCohorts({ model: yearModel(), width: 1420, height: 360 });
    expect(screen.getAllByRole('rowheader')).toHaveLength(13);
    expect(screen.queryByTestId(testIds.cohortLatest)).toBeNull();
  });

  it('fits a year of cohorts into 300x200 by scrolling rather than shrinking the text away', () => {
    const { container } = renderCohorts({ model: yearModel(), width: 300, height: 200 });
    expect(cell('2024-01-01', 11)).toHaveTextContent(/^\d+%$/);
    expect(cell('2024-12-01', 0)).toBeInTheDocument();
    const root = container.firstElementChild as HTMLElement;
    expect(root).toHaveStyle({ overflow: 'auto', width: '300px', height: '200px' });
    expect(parseFloat(root.style.fontSize)).toBeGreaterThanOrEqual(9);
    expect(screen.getAllByRole('rowheader')[0]).toHaveTextContent('Jan 24');
  });

  it('uses big type on a 4K wall', () => {
    const { container } = renderCohorts({ model: yearModel(), width: 3840, height: 2160, wall: true });
    const root = container.firstElementChild as HTMLElement;
    expect(root).toHaveStyle({ overflow: 'hidden' });
    expect(parseFloat(root.style.fontSize)).toBeGreaterThanOrEqual(28);
  });

  it('says so when no cohort has a finished month', () => {
    renderCohorts({ model: { cohorts: [], maxK: -1, average: [], minN: 30 } });
    expect(screen.getByText(messages.cohorts.empty)).toBeInTheDocument();
  });
});
