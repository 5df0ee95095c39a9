import { z } from 'zod';

export const views = ['sli', 'trend', 'cohorts', 'closedLoop', 'journey'] as const;
export type View = (typeof views)[number];
export const sortOrders = ['worst', 'best', 'name'] as const;
export type SortOrder = (typeof sortOrders)[number];
export const wallModes = ['auto', 'on', 'off'] as const;
export type WallMode = (typeof wallModes)[number];
export const cohortValues = ['percent', 'count'] as const;
export type CohortValue = (typeof cohortValues)[number];
export const journeySorts = ['risk', 'journey'] as const;
export type JourneySort = (typeof journeySorts)[number];

/**
 * The panel's options and their defaults, declared once: module.ts builds
 * the editor from these defaults and the panel reads saved options through
 * this schema, so a value from an older or hand-edited dashboard falls back
 * to its default instead of breaking the panel.
 */
export const scorecardOptionsSchema = z.object({
  view: z.enum(views).catch('sli'),
  /** SLI view */
  sort: z.enum(sortOrders).catch('worst'),
  groupByRegion: z.boolean().catch(false),
  showTrend: z.boolean().catch(true),
  /** Trend view */
  showGoals: z.boolean().catch(true),
  showOverlay: z.boolean().catch(true),
  /** Cohort view */
  cohortValue: z.enum(cohortValues).catch('percent'),
  showAverage: z.boolean().catch(true),
  /** Journey view: most customers at risk first, or in journey order. */
  journeySort: z.enum(journeySorts).catch('risk'),
  /** Touchpoints in journey order, comma-separated; empty follows the model's touchpoint order. */
  journeyOrder: z.string().catch(''),
  /** Drill-down: the dashboard variable a branch click sets. */
  branchVariable: z.string().min(1).catch('branch'),
  /** Wall screens: `auto` follows Grafana's kiosk mode. */
  wall: z.enum(wallModes).catch('auto'),
  /** Seconds per region when rotating on a wall; 0 shows every region at once. */
  rotateSeconds: z.number().int().min(0).max(3600).catch(0),
});

export type ScorecardOptions = z.infer<typeof scorecardOptionsSchema>;

export const defaultOptions: ScorecardOptions = scorecardOptionsSchema.parse({});

export const readOptions = (saved: unknown): ScorecardOptions =>
  scorecardOptionsSchema.parse(typeof saved === 'object' && saved !== null ? saved : {});
