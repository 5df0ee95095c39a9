import { tableFrameFor } from '../support/serviceFrames';
import { drillTable } from '@touchpoint/scorecard-panel/src/drill/drillTable';

const contacts = tableFrameFor({
  time: { type: 'time', values: [Date.UTC(2024, 4, 3, 9, 15), Date.UTC(2024, 4, 3, 14, 0)] },
  customer_id: { type: 'string', values: ['C1', null] },
  first_response_seconds: { type: 'number', values: [125, null] },
  csat: { type: 'number', values: [4, null] },
  comment: { type: 'string', values: ['quick and kind', null] },
});

describe('drillTable', () => {
  it('writes times in the dashboard’s zone, seconds as durations and empty values as a dash', () => {
    const table = drillTable(contacts, { timeZone: 'utc', rowsLeadToCustomer: true });
    expect(table.columns.map((c) => c.label)).toEqual(['Time', 'Customer', 'First response', 'CSAT (1-5)', 'Comment']);
    expect(table.rows[0].cells).toEqual(['2024-05-03 09:15', 'C1', '2.1 mins', '4', 'quick and kind']);
    expect(table.rows[1].cells).toEqual(['2024-05-03 14:00', '–', '–', '–', '–']);
  });

  it('leads a row to its customer when there is one and the step allows it', () => {
    expect(drillTable(contacts, { timeZone: 'utc', rowsLeadToCustomer: true }).rows.map((r) => r.customerId)).toEqual([
      'C1',
      undefined,
    ]);
    expect(drillTable(contacts, { timeZone: 'utc', rowsLeadToCustomer: false }).rows[0]).not.toHaveProperty(
      'customerId'
    );
  });
});
