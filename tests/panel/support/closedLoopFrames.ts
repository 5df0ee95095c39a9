import { metricFramesFor, tableFrameFor } from './serviceFrames';

export const HOUR = 3600;
export const DAY = 86_400;

// Three branches as the service frames them, named from the warehouse's
// branches. BR002 is under the minimum n of 30 for its SLA share (12
// eligible ratings) and its recovery (4 cases).
const branches = new Map([
  ['BR001', { name: 'Harbour Street', region: 'North' }],
  ['BR002', { name: 'Mill Lane', region: 'South' }],
  ['BR003', { name: 'Quay Road', region: 'North' }],
]);
export const overdue = metricFramesFor(
  'followups_overdue',
  [
    { branch_id: 'BR001', region: 'North', value: 3, n: 120 },
    { branch_id: 'BR002', region: 'South', value: 5, n: 12 },
    { branch_id: 'BR003', region: 'North', value: 0, n: 80 },
  ],
  { groupBy: ['branch_id', 'region'], branches }
);
export const inSla = metricFramesFor(
  'loop_closed_in_sla',
  [
    { branch_id: 'BR001', value: 85, n: 120 },
    { branch_id: 'BR002', value: 41.66666, n: 12 },
    { branch_id: 'BR003', value: 62.5, n: 80 },
  ],
  { groupBy: ['branch_id'], refId: 'B', branches }
);
export const contact = metricFramesFor(
  'followup_contact_median',
  [
    { branch_id: 'BR001', value: 5 * HOUR + 20 * 60, n: 100 },
    { branch_id: 'BR002', value: 3 * DAY + 4 * HOUR, n: 9 },
    { branch_id: 'BR003', value: null, n: 0 },
  ],
  { groupBy: ['branch_id'], refId: 'C', branches }
);
export const recovery = metricFramesFor(
  'recovery_rate',
  [
    { branch_id: 'BR001', value: 70, n: 40 },
    { branch_id: 'BR002', value: 50, n: 4 },
  ],
  { groupBy: ['branch_id'], refId: 'D', branches }
);
export const oldest = tableFrameFor(
  {
    branch_id: { type: 'string', values: ['BR001', 'BR002', 'BR003'] },
    oldest_awaiting_seconds: { type: 'number', values: [9 * DAY + 4 * HOUR, 2 * DAY, null] },
    awaiting: { type: 'number', values: [4, 6, 0] },
  },
  'E'
);

/** All five queries of the leadership dashboard's closed-loop panel. */
export const closedLoopFrames = [...overdue, ...inSla, ...contact, ...recovery, oldest];
