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

  it('shows a branch by its name in the Branch column, its id on hover, and no second name column', () => {
    const cohort = tableFrameFor({
      customer_id: { type: 'string', values: ['C1', 'C2'] },
      branch_id: { type: 'string', values: ['B1', 'B9'] },
      branch_name: { type: 'string', values: ['Harbour Street', null] },
    });
    const table = drillTable(cohort, { timeZone: 'utc', rowsLeadToCustomer: true });
    expect(table.columns.map((c) => c.label)).toEqual(['Customer', 'Branch']);
    expect(table.rows.map((row) => [row.cells, row.titles])).toEqual([
      [
        ['C1', 'Harbour Street'],
        [undefined, 'B1'],
      ],
      [
        ['C2', 'B9'],
        [undefined, 'B9'],
      ],
    ]);
  });

  it('shows a step’s chosen columns in its order, ages as durations and yes/no for flags', () => {
    const awaiting = tableFrameFor({
      responded_at: { type: 'time', values: [Date.UTC(2024, 2, 3, 10)] },
      response_id: { type: 'string', values: ['R04'] },
      customer_id: { type: 'string', values: ['C3'] },
      age_seconds: { type: 'number', values: [92 * 86_400 + 2 * 3600] },
      overdue: { type: 'boolean', values: [true] },
      case_owner: { type: 'string', values: [null] },
    });
    const table = drillTable(awaiting, {
      timeZone: 'utc',
      rowsLeadToCustomer: true,
      only: ['customer_id', 'responded_at', 'age_seconds', 'overdue', 'case_owner', 'not_sent'],
    });
    expect(table.columns.map((c) => c.label)).toEqual(['Customer', 'Rated', 'Age', 'Overdue', 'Owner']);
    expect(table.rows[0]).toEqual({
      key: '0',
      cells: ['C3', '2024-03-03 10:00', '92 d', 'yes', '–'],
      customerId: 'C3',
    });
  });

  it('names each rating’s follow-up case columns in a customer’s history', () => {
    const history = tableFrameFor({
      followup_id: { type: 'string', values: ['F1'] },
      case_opened_at: { type: 'time', values: [Date.UTC(2024, 2, 3, 11)] },
      case_contacted_at: { type: 'time', values: [null] },
      case_closed_at: { type: 'time', values: [null] },
      case_owner: { type: 'string', values: ['Ann'] },
      negative: { type: 'boolean', values: [false] },
    });
    const table = drillTable(history, { timeZone: 'utc', rowsLeadToCustomer: false });
    expect(table.columns.map((c) => c.label)).toEqual([
      'Case',
      'Case opened',
      'Contacted',
      'Case closed',
      'Owner',
      'Negative',
    ]);
    expect(table.rows[0].cells).toEqual(['F1', '2024-03-03 11:00', '–', '–', 'Ann', 'no']);
  });
});
