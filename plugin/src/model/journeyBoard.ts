import type { DataFrame } from '@grafana/data';
import { z } from 'zod';
import { journeyColumns } from '@touchpoint/contract/src/journeyColumns';
import { messages } from '../messages';
import { fieldNamed, frameStamp, numberAt, stringAt } from './metricField';

/**
 * The refId of the panel's second journey query: the same query without the
 * branch filter, whose rows are the company's marks beside the selection's.
 */
export const COMPANY_REF_ID = 'company';

/** A churn lift in percentage points with Newcombe's 95% interval. */
export interface JourneyLift {
  value: number;
  low: number;
  high: number;
}

export interface JourneyRow {
  /** Unique per row: the touchpoint and the group's values. */
  key: string;
  touchpoint: string;
  /** Position in the model's journey order (1 = first); null when the model does not place it. */
  modelOrder: number | null;
  branchId?: string;
  branchName?: string;
  region?: string;
  segment?: string;
  ratings: number;
  negativeRatings: number;
  negativeShare: number | null;
  sli: number | null;
  /** The company's SLI at the same touchpoint, from the company query; undefined without one. */
  companySli?: number | null;
  exposedN: number;
  otherN: number;
  churnAfterNegative: number | null;
  churnAfterOther: number | null;
  lift: JourneyLift | null;
  customersAtRisk: number | null;
  incompleteCustomers: number;
  /** Each n under the model's minimum: the value resting on it is low confidence. */
  exposedLow: boolean;
  otherLow: boolean;
}

export interface JourneyBoard {
  rows: JourneyRow[];
  /** Whether the company query came back, so the SLI has a marker. */
  hasCompany: boolean;
  /** Days after the reference time a departure counts as churn, as the warehouse was built. */
  churnWindowDays?: number;
  minN?: number;
  asOf?: number;
}

export type JourneyResult = { model: JourneyBoard } | { problem: string };

/** What the service says about a journey frame in meta.custom. */
const journeyMetaSchema = z.object({ journey: z.object({ churnWindowDays: z.number().int().positive() }) });

const isJourneyFrame = (frame: DataFrame) =>
  journeyColumns.every((column) => fieldNamed(frame, column) !== undefined) &&
  fieldNamed(frame, 'touchpoint') !== undefined;

const readRows = (frame: DataFrame, minN: number | undefined): JourneyRow[] => {
  const number = (column: string, i: number) => numberAt(fieldNamed(frame, column), i);
  const text = (column: string, i: number) => stringAt(fieldNamed(frame, column), i);
  const low = (n: number) => minN !== undefined && n < minN;
  return Array.from({ length: frame.length }, (_, i): JourneyRow => {
    const touchpoint = text('touchpoint', i) ?? '';
    const lift = number('churn_lift', i);
    const liftLow = number('churn_lift_low', i);
    const liftHigh = number('churn_lift_high', i);
    const exposedN = number('exposed_n', i) ?? 0;
    const otherN = number('other_n', i) ?? 0;
    return {
      key: ['touchpoint', 'branch_id', 'region', 'segment'].flatMap((column) => text(column, i) ?? []).join('/'),
      touchpoint,
      modelOrder: number('touchpoint_order', i),
      branchId: text('branch_id', i),
      branchName: text('branch_name', i),
      region: text('region', i),
      segment: text('segment', i),
      ratings: number('ratings', i) ?? 0,
      negativeRatings: number('negative_ratings', i) ?? 0,
      negativeShare: number('negative_share', i),
      sli: number('sli', i),
      exposedN,
      otherN,
      churnAfterNegative: number('churn_after_negative', i),
      churnAfterOther: number('churn_after_other', i),
      lift:
        lift !== null && liftLow !== null && liftHigh !== null ? { value: lift, low: liftLow, high: liftHigh } : null,
      customersAtRisk: number('customers_at_risk', i),
      incompleteCustomers: number('incomplete_customers', i) ?? 0,
      exposedLow: low(exposedN),
      otherLow: low(otherN),
    };
  });
};

/**
 * Frames to the journey board: the selection's journey frame (any refId but
 * `company`) gives the rows; the company's (`refId: company`, no branch
 * filter) gives each touchpoint's SLI marker. Rows stay in the frame's
 * order: sorting is the view's.
 */
export const readJourneyBoard = (frames: DataFrame[]): JourneyResult => {
  const journeys = frames.filter(isJourneyFrame);
  const selection = journeys.find((frame) => frame.refId !== COMPANY_REF_ID);
  if (!selection) {
    return { problem: messages.journey.needsQuery };
  }
  const { minN, asOf } = frameStamp(frames);
  const company = journeys.find((frame) => frame.refId === COMPANY_REF_ID);
  const companySli = new Map(company ? readRows(company, minN).map((row) => [row.touchpoint, row.sli]) : []);
  const rows = readRows(selection, minN).map((row) =>
    company ? { ...row, companySli: companySli.get(row.touchpoint) ?? null } : row
  );
  const meta = journeyMetaSchema.safeParse(selection.meta?.custom);
  const churnWindowDays = meta.success ? meta.data.journey.churnWindowDays : undefined;
  return { model: { rows, hasCompany: company !== undefined, churnWindowDays, minN, asOf } };
};

/** The journey order an option names ("kiosk, app, ..."): its touchpoints first, then the model's order. */
export const parseJourneyOrder = (option: string): string[] =>
  option
    .split(',')
    .map((touchpoint) => touchpoint.trim())
    .filter((touchpoint) => touchpoint !== '');

const journeyRank = (order: readonly string[]) => (row: JourneyRow) => {
  const index = order.indexOf(row.touchpoint);
  return index >= 0 ? index : order.length + (row.modelOrder ?? Number.MAX_SAFE_INTEGER);
};

const groupName = (row: JourneyRow) => row.branchName ?? row.branchId ?? row.region ?? row.segment ?? '';

/**
 * The rows in journey order (the option's touchpoints, then the model's
 * touchpoint_order), or by customers at risk, most first, a row without a
 * lift last, ties in journey order.
 */
export const sortJourney = (rows: readonly JourneyRow[], sort: 'risk' | 'journey', order: readonly string[]) => {
  const rank = journeyRank(order);
  const byJourney = (a: JourneyRow, b: JourneyRow) =>
    rank(a) - rank(b) ||
    a.touchpoint.localeCompare(b.touchpoint) ||
    groupName(a).localeCompare(groupName(b), undefined, { numeric: true });
  return [...rows].sort((a, b) => {
    if (sort === 'risk' && a.customersAtRisk !== b.customersAtRisk) {
      return (b.customersAtRisk ?? -1) - (a.customersAtRisk ?? -1);
    }
    return byJourney(a, b);
  });
};

/** One domain for every row's lift interval, always holding zero, so the bars compare across rows. */
export const liftDomain = (rows: readonly JourneyRow[]): [number, number] => {
  const ends = rows.flatMap((row) => (row.lift ? [row.lift.low, row.lift.high] : []));
  const low = Math.min(0, ...ends);
  const high = Math.max(0, ...ends);
  return low === high ? [-1, 1] : [low, high];
};

const percent = (value: number | null) => (value === null ? '–' : `${value.toFixed(1)}%`);

/** "+4.2 pp" / "−1.0 pp": the sign always written. */
export const formatPoints = (value: number) =>
  `${value > 0 ? '+' : value < 0 ? '−' : ''}${Math.abs(value).toFixed(1)} pp`;

/** The numbers of one row as the board writes them. */
export const journeyCells = (row: JourneyRow) => ({
  negativeShare: percent(row.negativeShare),
  churnAfterNegative: percent(row.churnAfterNegative),
  churnAfterOther: percent(row.churnAfterOther),
  lift: row.lift ? formatPoints(row.lift.value) : '–',
  interval: row.lift ? `${formatPoints(row.lift.low)} to ${formatPoints(row.lift.high)}` : undefined,
  atRisk: row.customersAtRisk === null ? '–' : Math.round(row.customersAtRisk).toLocaleString('en-US'),
});

/** The row's group beside its touchpoint: the branch by name, the region, the segment. */
export const groupLabel = (row: JourneyRow): string =>
  [row.branchName ?? row.branchId, row.region, row.segment].filter(Boolean).join(' · ');

/** One row in words, every number written out: its accessible name and its drill step's summary. */
export const describeJourneyRow = (row: JourneyRow, board: Pick<JourneyBoard, 'minN'>): string => {
  const cells = journeyCells(row);
  const { journey } = messages;
  return [
    [row.touchpoint, groupLabel(row)].filter(Boolean).join(', '),
    journey.sliOf(row.sli === null ? '–' : row.sli.toFixed(1), row.companySli),
    journey.negativeOf(cells.negativeShare, row.negativeRatings),
    journey.churnOf(cells.churnAfterNegative, row.exposedN, cells.churnAfterOther, row.otherN),
    ...(cells.interval ? [journey.liftOf(cells.lift, cells.interval)] : []),
    journey.atRiskOf(cells.atRisk),
    ...(row.exposedLow || row.otherLow ? [messages.lowN(board.minN)] : []),
    ...(row.incompleteCustomers > 0 ? [journey.incomplete(row.incompleteCustomers)] : []),
  ].join('; ');
};
