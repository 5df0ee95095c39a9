import { whyRefId } from '@touchpoint/scorecard-panel/src/drill/whyQueries';
import { metricFramesFor } from './serviceFrames';

// The why step's answer for BR002 (Mill Lane) as the service frames it: the
// app drags its SLI down most against the company; sms has no ratings at the
// branch; its FCR rests on 12 contacts, under the minimum n of 30.
const branch = { branch_id: 'BR002', region: 'South' };
export const whyFrames = [
  ...metricFramesFor(
    'sli',
    [
      { touchpoint: 'kiosk', ...branch, value: 20, n: 80 },
      { touchpoint: 'app', ...branch, value: -10, n: 150 },
      { touchpoint: 'web', ...branch, value: 40, n: 60 },
    ],
    { groupBy: ['touchpoint', 'branch_id'], refId: whyRefId('branch', 'sli') }
  ),
  ...metricFramesFor(
    'sli',
    [
      { touchpoint: 'kiosk', value: 25, n: 900 },
      { touchpoint: 'app', value: 12, n: 1500 },
      { touchpoint: 'web', value: 30, n: 700 },
      { touchpoint: 'sms', value: 5, n: 200 },
    ],
    { groupBy: ['touchpoint'], refId: whyRefId('company', 'sli') }
  ),
  ...metricFramesFor('csat', [{ ...branch, value: 71.5, n: 240 }], {
    groupBy: ['branch_id'],
    refId: whyRefId('branch', 'csat'),
  }),
  ...metricFramesFor('csat', [{ value: 80.2, n: 5000 }], { refId: whyRefId('company', 'csat') }),
  ...metricFramesFor('fcr', [{ ...branch, value: 50, n: 12 }], {
    groupBy: ['branch_id'],
    refId: whyRefId('branch', 'fcr'),
  }),
  ...metricFramesFor('fcr', [{ value: 68, n: 4000 }], { refId: whyRefId('company', 'fcr') }),
];
