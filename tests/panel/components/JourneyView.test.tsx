import { locationService } from '@grafana/runtime';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { messages, testIds } from '@touchpoint/scorecard-panel/src/messages';
import { company, journeyFrames, selection } from '../support/journeyFrames';
import { renderPanel, resetUrl } from '../support/renderPanel';

const rowOrder = () =>
  within(screen.getByTestId(testIds.journeyTable))
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.getAttribute('data-testid')?.replace(testIds.journeyRow(''), ''));
const row = (key: string) => within(screen.getByTestId(testIds.journeyRow(key)));

describe('scorecard panel: journey', () => {
  beforeEach(() => resetUrl());

  it('lists the touchpoints with most customers at risk first, each number with its words', () => {
    renderPanel({ series: journeyFrames, options: { view: 'journey' } });
    expect(rowOrder()).toEqual(['app', 'kiosk', 'web']);
    const app = row('app');
    expect(app.getByText('-8.0')).toBeInTheDocument();
    expect(app.getByText(messages.journey.company('12.5'))).toBeInTheDocument();
    expect(app.getByText('15.0%')).toBeInTheDocument();
    expect(app.getByText('40.0% vs 10.0%')).toBeInTheDocument();
    expect(app.getByText(`${messages.n(40)} · ${messages.n(300)}`)).toBeInTheDocument();
    expect(app.getByText('+30.0 pp')).toBeInTheDocument();
    expect(app.getByText('+14.2 pp to +45.6 pp')).toBeInTheDocument();
    expect(app.getByText('12')).toBeInTheDocument();
  });

  it('follows the journey order when asked: the model’s, or the option’s', () => {
    const { rerenderWith } = renderPanel({
      series: journeyFrames,
      options: { view: 'journey', journeySort: 'journey' },
    });
    expect(rowOrder()).toEqual(['kiosk', 'app', 'web']);
    rerenderWith({ options: { view: 'journey', journeySort: 'journey', journeyOrder: 'web, kiosk' } });
    expect(rowOrder()).toEqual(['web', 'kiosk', 'app']);
  });

  it('marks the company’s SLI on each bar, and draws no mark without the company query', () => {
    const { unmount } = renderPanel({ series: journeyFrames, options: { view: 'journey' } });
    // The SLI bar spans -100..100 over 120 px: the company's 12.5 at the app sits at 67.5.
    const mark = within(screen.getByTestId(testIds.journeyRow('app'))).getByTestId(testIds.journeyCompanyMark);
    expect(mark.getAttribute('x1')).toBe('67.5');
    unmount();
    renderPanel({ series: [selection], options: { view: 'journey' } });
    expect(screen.queryByTestId(testIds.journeyCompanyMark)).not.toBeInTheDocument();
    expect(screen.queryByText(messages.journey.company('12.5'))).not.toBeInTheDocument();
  });

  it('marks low n and incomplete windows in words, and keeps those rows', () => {
    renderPanel({ series: journeyFrames, options: { view: 'journey' } });
    expect(row('kiosk').getByText(messages.lowN(30))).toBeInTheDocument();
    expect(row('app').queryByText(messages.lowN(30))).not.toBeInTheDocument();
    expect(row('web').getByText(`⚠ ${messages.journey.incomplete(7)}`)).toBeInTheDocument();
    expect(row('kiosk').getByRole('button')).toHaveAccessibleName(
      expect.stringMatching(/^kiosk; SLI 22\.5, company 30\.0; .*Low n \(<30\)\. Show its negative ratings\.$/)
    );
  });

  it('names the query it needs when the panel has only the company’s', () => {
    renderPanel({ series: [company], options: { view: 'journey' } });
    expect(screen.getByTestId(testIds.panel)).toHaveTextContent(messages.journey.needsQuery);
    expect(screen.queryByTestId(testIds.journeyTable)).not.toBeInTheDocument();
  });

  it('drills from a touchpoint to its negative ratings', async () => {
    renderPanel({ series: journeyFrames, options: { view: 'journey' } });
    await userEvent.click(row('app').getByRole('button'));
    expect(locationService.getSearchObject()).toMatchObject({ 'touchpoint-drill-7': 'touchpoint:app' });
    expect(
      within(screen.getByTestId(testIds.breadcrumbs))
        .getAllByRole('listitem')
        .map((item) => item.textContent)
    ).toEqual([messages.scorecard, messages.steps.touchpoint('app')]);
    expect(screen.getByText(messages.stepHints.touchpoint)).toBeInTheDocument();
  });
});
