import { createTheme } from '@grafana/data';
import { ThemeContext } from '@grafana/ui';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DrillView } from '@touchpoint/scorecard-panel/src/components/DrillView';
import type { DrillStep } from '@touchpoint/scorecard-panel/src/drill/drillPath';
import { messages, testIds } from '@touchpoint/scorecard-panel/src/messages';
import { whyFrames } from '../support/whyFrames';

const renderWhy = () => {
  const onDrill = jest.fn<void, [DrillStep]>();
  render(
    <ThemeContext.Provider value={createTheme()}>
      <DrillView
        step={{ kind: 'why', branchId: 'BR002' }}
        result={{ status: 'done', frame: whyFrames[0], frames: whyFrames, truncated: false }}
        timeZone="utc"
        wall={false}
        onDrill={onDrill}
      />
    </ThemeContext.Provider>
  );
  return { onDrill };
};

const rowsOf = (testId: string) =>
  within(screen.getByTestId(testId))
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));

describe('the why step', () => {
  it('sets the branch’s SLI per touchpoint beside the company’s, worst gap first, every value with its n', () => {
    renderWhy();
    expect(screen.getByText(messages.stepHints.why)).toBeInTheDocument();
    expect(rowsOf(testIds.whyTouchpoints)).toEqual([
      ['app', '-10.0n = 150', '12.0n = 1,500', '−22.0'],
      ['kiosk', '20.0n = 80', '25.0n = 900', '−5.0'],
      ['web', '40.0n = 60', '30.0n = 700', '+10.0'],
      ['sms', '–', '5.0n = 200', '–'],
    ]);
  });

  it('sets its service metrics beside the company’s, a low n in words', () => {
    renderWhy();
    expect(rowsOf(testIds.whyService)).toEqual([
      ['CSAT', '71.5%n = 240', '80.2%n = 5,000'],
      ['First-contact resolution', `50.0%n = 12 · ${messages.lowN(30)}`, '68.0%n = 4,000'],
    ]);
  });

  it('goes on to a touchpoint’s negative ratings, or to the branch’s customers', async () => {
    const { onDrill } = renderWhy();
    await userEvent.click(screen.getByRole('button', { name: 'app' }));
    expect(onDrill).toHaveBeenLastCalledWith({ kind: 'touchpoint', touchpoint: 'app' });
    await userEvent.click(screen.getByRole('button', { name: messages.why.customers('BR002') }));
    expect(onDrill).toHaveBeenLastCalledWith({ kind: 'branch', branchId: 'BR002' });
  });
});
