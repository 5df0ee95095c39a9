import { z } from 'zod';

/**
 * One step down from the scorecard. Each step is one request to the
 * datasource: why a branch stands where it does (its metrics beside the
 * company's, a batch of metric queries), or one drill query: a branch's
 * customers, a customer's contacts and ratings, a cohort's customers, a
 * day's contacts, a branch's negative ratings awaiting follow-up, a
 * touchpoint's negative ratings.
 */
export const drillStepSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('why'), branchId: z.string().min(1) }),
  z.object({ kind: z.literal('branch'), branchId: z.string().min(1) }),
  z.object({ kind: z.literal('customer'), customerId: z.string().min(1) }),
  z.object({ kind: z.literal('cohort'), cohortMonth: z.string().regex(/^\d{4}-\d{2}-01$/) }),
  z.object({ kind: z.literal('day'), day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
  z.object({ kind: z.literal('followups'), branchId: z.string().min(1) }),
  z.object({ kind: z.literal('touchpoint'), touchpoint: z.string().min(1) }),
]);

export type DrillStep = z.infer<typeof drillStepSchema>;
export type DrillPath = DrillStep[];

const stepValue = (step: DrillStep): string => {
  switch (step.kind) {
    case 'why':
    case 'branch':
      return step.branchId;
    case 'customer':
      return step.customerId;
    case 'cohort':
      return step.cohortMonth;
    case 'day':
      return step.day;
    case 'followups':
      return step.branchId;
    case 'touchpoint':
      return step.touchpoint;
  }
};

const keyOf: Record<DrillStep['kind'], string> = {
  why: 'branchId',
  branch: 'branchId',
  customer: 'customerId',
  cohort: 'cohortMonth',
  day: 'day',
  followups: 'branchId',
  touchpoint: 'touchpoint',
};

/**
 * The path as it sits in the URL (so browser back walks up it and a link
 * reopens it): `branch:BR001/customer:C00042` or
 * `followups:BR001/customer:C00042`, each value URI-encoded.
 */
export const encodeDrillPath = (path: DrillPath): string =>
  path.map((step) => `${step.kind}:${encodeURIComponent(stepValue(step))}`).join('/');

/** The path from the URL; anything it cannot read means the scorecard itself. */
export const decodeDrillPath = (text: unknown): DrillPath => {
  if (typeof text !== 'string' || text === '') {
    return [];
  }
  const steps: DrillPath = [];
  for (const part of text.split('/')) {
    const colon = part.indexOf(':');
    if (colon < 0) {
      return [];
    }
    const kind = part.slice(0, colon) as DrillStep['kind'];
    let value: string;
    try {
      value = decodeURIComponent(part.slice(colon + 1));
    } catch {
      return [];
    }
    const parsed = drillStepSchema.safeParse({ kind, [keyOf[kind] ?? 'value']: value });
    if (!parsed.success) {
      return [];
    }
    steps.push(parsed.data);
  }
  return steps;
};

/** The URL parameter holding one panel's path, so two scorecards on a dashboard drill apart. */
export const drillParam = (panelId: number) => `touchpoint-drill-${panelId}`;

/** The branch a step is about, when it is about one: clicking it also sets the dashboard's branch variable. */
export const branchOfStep = (step: DrillStep): string | undefined =>
  step.kind === 'why' || step.kind === 'branch' || step.kind === 'followups' ? step.branchId : undefined;
