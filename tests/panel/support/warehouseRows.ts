import { screen } from '@testing-library/react';
import { testIds } from '@touchpoint/scorecard-panel/src/messages';
import { runTouchpoint } from '../../support/runTouchpoint';

/** Rows straight from the warehouse file through `touchpoint sql`: what a panel's numbers are checked against. */
export const sqlRows = async (db: string, sql: string): Promise<Array<Record<string, unknown>>> => {
  const outcome = await runTouchpoint('sql', '--db', db, '--format', 'json', sql);
  if (outcome.code !== 0) {
    throw new Error(outcome.stderr);
  }
  return JSON.parse(outcome.stdout);
};

/** One column of the drill table as shown (plain DOM: role queries over 500 rows are slow in jsdom). */
export const tableColumn = (name: string) => {
  const table = screen.getByTestId(testIds.drillTable);
  const index = [...table.querySelectorAll('thead th')].map((th) => th.textContent).indexOf(name);
  expect(index).toBeGreaterThanOrEqual(0);
  return [...table.querySelectorAll('tbody tr')].map((row) => row.querySelectorAll('td')[index].textContent);
};
