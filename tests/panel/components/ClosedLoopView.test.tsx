import { createTheme } from '@grafana/data';
import { locationService } from '@grafana/runtime';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { messages, testIds } from '@touchpoint/scorecard-panel/src/messages';
import { closedLoopFrames, inSla, overdue } from '../support/closedLoopFrames';
import { renderPanel, resetUrl } from '../support/renderPanel';

const rowOrder = () =>
  within(screen.getByTestId(testIds.closedLoopTable))
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.getAttribute('data-testid')?.replace('touchpoint-closed-loop-', ''));
const row = (branchId: string) => within(screen.getByTestId(testIds.closedLoopRow(branchId)));

describe('scorecard panel: closed loop', () => {
  beforeEach(() => resetUrl());

  it('lists branches by name, largest overdue backlog first, each number with its words', () => {
    renderPanel({ series: closedLoopFrames, options: { view: 'closedLoop' } });
    expect(rowOrder()).toEqual(['BR002', 'BR001', 'BR003']);
    const millLane = row('BR002');
    expect(millLane.getByRole('button')).toHaveTextContent('Mill Lane');
    expect(millLane.getByText('⚠ 5')).toBeInTheDocument();
    expect(millLane.getByText('5 overdue')).toBeInTheDocument();
    expect(millLane.getByText('2 d')).toBeInTheDocument();
    expect(millLane.getByText('6 awaiting')).toBeInTheDocument();
    expect(millLane.getByText('41.7%')).toBeInTheDocument();
    expect(millLane.getByText('3 d 4 h')).toBeInTheDocument();
    const quayRoad = row('BR003');
    expect(quayRoad.getByText('none overdue')).toBeInTheDocument();
    expect(quayRoad.getByText('none awaiting')).toBeInTheDocument();
  });

  it('names each share’s band beside its colour and marks a small sample in words', () => {
    renderPanel({ series: closedLoopFrames, options: { view: 'closedLoop' } });
    expect(row('BR001').getByText(/Meets goal/)).toBeInTheDocument();
    expect(row('BR002').getByText(/Poor/)).toBeInTheDocument();
    expect(row('BR002').getAllByText(messages.lowN(30))).toHaveLength(3);
    expect(row('BR001').queryByText(messages.lowN(30))).not.toBeInTheDocument();
  });

  it('reads across a room on a wall: larger type and everything written out, nothing only on hover', () => {
    const { unmount } = renderPanel({ series: closedLoopFrames, options: { view: 'closedLoop', wall: 'off' } });
    const normalSize = parseFloat(row('BR002').getByText('41.7%').style.fontSize);
    expect(screen.getByTestId(testIds.panel).querySelectorAll('[title]').length).toBeGreaterThan(0);
    unmount();
    renderPanel({
      series: closedLoopFrames,
      options: { view: 'closedLoop', wall: 'on' },
      width: 1900,
      height: 500,
      theme: createTheme({ colors: { mode: 'light' } }),
    });
    expect(parseFloat(row('BR002').getByText('41.7%').style.fontSize)).toBeGreaterThan(1.5 * normalSize);
    expect(screen.getByTestId(testIds.panel).querySelectorAll('[title]')).toHaveLength(0);
    expect(row('BR002').getByRole('button')).toHaveAccessibleName(
      'Mill Lane (BR002), 5 overdue, oldest awaiting 2 d, Closed within SLA 41.7% (Poor, n = 12, Low n (<30)), ' +
        'First contact (median) 3 d 4 h (n = 9, Low n (<30)), Recovery 50.0% (n = 4, Low n (<30)). ' +
        'Show the ratings awaiting follow-up.'
    );
  });

  it('shows only the columns whose queries the panel has', () => {
    renderPanel({ series: [...overdue, ...inSla], options: { view: 'closedLoop' } });
    expect(
      within(screen.getByTestId(testIds.closedLoopTable))
        .getAllByRole('columnheader')
        .map((th) => th.textContent)
    ).toEqual(['Branch', 'Overdue', 'Closed within SLA']);
    expect(row('BR001').getByRole('button')).toHaveTextContent('BR001');
  });

  it('says which queries it needs when the backlog query is missing', () => {
    renderPanel({ series: inSla, options: { view: 'closedLoop' } });
    expect(screen.getByTestId(testIds.panel)).toHaveTextContent(messages.closedLoop.needsQuery);
    expect(screen.queryByTestId(testIds.closedLoopTable)).not.toBeInTheDocument();
  });

  it('opens a branch’s ratings awaiting follow-up, selecting the branch, and goes back to the board as it was', async () => {
    resetUrl('?var-branch=$__all');
    renderPanel({ series: closedLoopFrames, options: { view: 'closedLoop' } });
    await userEvent.click(row('BR002').getByRole('button'));
    expect(locationService.getSearchObject()).toMatchObject({
      'touchpoint-drill-7': 'followups:BR002',
      'var-branch': 'BR002',
    });
    const breadcrumbs = within(screen.getByTestId(testIds.breadcrumbs));
    expect(breadcrumbs.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Scorecard',
      'Awaiting follow-up at Mill Lane',
    ]);
    expect(screen.getByText(messages.stepHints.followups)).toBeInTheDocument();
    await userEvent.click(breadcrumbs.getByRole('button', { name: 'Scorecard' }));
    expect(locationService.getSearchObject()['var-branch']).toBe('$__all');
    expect(screen.getByTestId(testIds.closedLoopTable)).toBeInTheDocument();
  });
});
