import {
  dateTimeFormat,
  FieldType,
  formattedValueToString,
  getValueFormat,
  type DataFrame,
  type Field,
  type TimeZone,
} from '@grafana/data';
import { formatDuration } from '../model/formatDuration';
import type { DrillStep } from './drillPath';

export interface DrillTable {
  columns: Array<{ name: string; label: string; numeric: boolean }>;
  /** titles: a cell's hover text where it shows less than the row holds (a branch's id under its name). */
  rows: Array<{ key: string; cells: string[]; titles?: Array<string | undefined>; customerId?: string }>;
}

/** Column headings for the drill queries' columns (@touchpoint/server's service/drill/drillSql.ts); others keep their name. */
export const drillColumnLabels: Record<string, string> = {
  customer_id: 'Customer',
  branch_id: 'Branch',
  region: 'Region',
  segment: 'Segment',
  status: 'Status',
  started_at: 'Started',
  ended_at: 'Ended',
  tenure_days: 'Tenure (days)',
  tenure_months: 'Tenure (months)',
  sli: 'SLI',
  sli_n: 'SLI n',
  nps: 'NPS score',
  nps_class: 'NPS class',
  contacts: 'Contacts',
  open_contacts: 'Open',
  last_contact_at: 'Last contact',
  monthly_revenue: 'Monthly revenue',
  time: 'Time',
  event: 'Event',
  id: 'Id',
  interaction_id: 'Contact',
  channel: 'Channel',
  topic: 'Topic',
  agent_id: 'Agent',
  first_response_seconds: 'First response',
  resolution_seconds: 'Resolution',
  csat: 'CSAT (1-5)',
  ces: 'CES (1-7)',
  touchpoint: 'Touchpoint',
  instrument: 'Instrument',
  score: 'Score',
  comment: 'Comment',
  negative: 'Negative',
  responded_at: 'Rated',
  response_id: 'Rating',
  age_seconds: 'Age',
  sla_due_at: 'SLA due',
  overdue: 'Overdue',
  followup_id: 'Case',
  case_opened_at: 'Case opened',
  case_contacted_at: 'Contacted',
  case_closed_at: 'Case closed',
  case_owner: 'Owner',
  case_status: 'Follow-up',
};

const duration = getValueFormat('s');
const plain = getValueFormat('none');

const cellText = (field: Field, index: number, timeZone: TimeZone): string => {
  const value: unknown = field.values[index];
  if (value === null || value === undefined || value === '') {
    return '–';
  }
  if (typeof value === 'boolean') {
    return value ? 'yes' : 'no';
  }
  if (field.type === FieldType.time) {
    return dateTimeFormat(Number(value), { timeZone, format: 'YYYY-MM-DD HH:mm' });
  }
  if (typeof value === 'number') {
    // How long a rating has waited for its call-back, to the day and hour, as the closed-loop board says it.
    if (field.name === 'age_seconds') {
      return formatDuration(value);
    }
    if (field.name.endsWith('_seconds')) {
      return formattedValueToString(duration(value, 1));
    }
    return Number.isInteger(value) ? value.toLocaleString('en-US') : formattedValueToString(plain(value, 1));
  }
  return String(value);
};

/**
 * A drill result as rows of text: every column the service sent, in its
 * order, or the ones a step chooses (`only`), in that order. A row with a
 * customer leads one step further down, except on a customer's own
 * contacts, which are the bottom of the path.
 */
export const drillTable = (
  frame: DataFrame,
  options: { timeZone: TimeZone; rowsLeadToCustomer: boolean; only?: readonly string[] }
): DrillTable => {
  const customer = frame.fields.find((field) => field.name === 'customer_id');
  const branchName = frame.fields.find((field) => field.name === 'branch_name');
  const chosen = options.only
    ? options.only.flatMap((name) => frame.fields.filter((field) => field.name === name))
    : frame.fields;
  // A branch reads by its name in the Branch column, its id on hover, rather than in two columns.
  const namesBranch = (field: Field) => branchName !== undefined && field.name === 'branch_id';
  const fields = chosen.some(namesBranch) ? chosen.filter((field) => field !== branchName) : chosen;
  const columns = fields.map((field) => ({
    name: field.name,
    label: drillColumnLabels[field.name] ?? field.name,
    numeric: field.type === FieldType.number,
  }));
  const rows = Array.from({ length: frame.length }, (_, index) => {
    const customerId = options.rowsLeadToCustomer && customer ? customer.values[index] : undefined;
    const titles = fields.map((field) => (namesBranch(field) ? cellText(field, index, options.timeZone) : undefined));
    return {
      key: String(index),
      cells: fields.map((field) =>
        cellText(namesBranch(field) && branchName?.values[index] ? branchName : field, index, options.timeZone)
      ),
      ...(titles.some((title) => title !== undefined) ? { titles } : {}),
      ...(typeof customerId === 'string' && customerId !== '' ? { customerId } : {}),
    };
  });
  return { columns, rows };
};

/**
 * The columns a step shows when not all: a branch's awaiting ratings as a
 * call list (who, where, what they said, how long they have waited, whose
 * it is), the case's ids and times left to the customer's own history.
 */
export const stepColumns: Partial<Record<DrillStep['kind'], readonly string[]>> = {
  followups: [
    'responded_at',
    'customer_id',
    'touchpoint',
    'instrument',
    'score',
    'comment',
    'age_seconds',
    'overdue',
    'status',
    'case_owner',
  ],
  // A touchpoint's negative ratings with what became of each: where, who, what they said, the case.
  touchpoint: [
    'responded_at',
    'customer_id',
    'branch_id',
    'instrument',
    'score',
    'comment',
    'case_status',
    'case_contacted_at',
    'case_closed_at',
    'case_owner',
  ],
};
