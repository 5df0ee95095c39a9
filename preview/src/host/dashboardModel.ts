import { z } from 'zod';

const datasourceRefSchema = z.object({ type: z.string().optional(), uid: z.string().optional() });

const panelSchema = z.object({
  id: z.number().int(),
  type: z.string(),
  title: z.string().default(''),
  description: z.string().optional(),
  gridPos: z.object({ x: z.number(), y: z.number(), w: z.number(), h: z.number() }),
  datasource: datasourceRefSchema.nullish(),
  targets: z.array(z.looseObject({ refId: z.string() })).default([]),
  options: z.record(z.string(), z.unknown()).default({}),
  fieldConfig: z
    .object({ defaults: z.record(z.string(), z.unknown()).default({}), overrides: z.array(z.any()).default([]) })
    .default({ defaults: {}, overrides: [] }),
  maxDataPoints: z.number().int().positive().optional(),
  transformations: z.array(z.object({ id: z.string(), options: z.any().default({}), disabled: z.boolean().optional() })).default([]),
  /** A panel's own relative range (`12M`): the last 12 months, whatever the dashboard's range. */
  timeFrom: z.string().optional(),
});
export type DashboardPanel = z.infer<typeof panelSchema>;

const variableSchema = z.object({
  name: z.string(),
  label: z.string().optional(),
  type: z.string(),
  datasource: datasourceRefSchema.nullish(),
  query: z.unknown(),
  multi: z.boolean().default(false),
  includeAll: z.boolean().default(false),
  allValue: z.string().nullish(),
  current: z.object({ value: z.union([z.string(), z.array(z.string())]).optional() }).partial().optional(),
});
export type DashboardVariable = z.infer<typeof variableSchema>;

/**
 * The part of Grafana's dashboard JSON the preview draws: panels on the
 * 24-column grid, the time range and the variables. Rows are not drawn;
 * panels inside a collapsed row are Grafana's to show.
 */
export const dashboardSchema = z.object({
  uid: z.string(),
  title: z.string(),
  timezone: z.string().default('browser'),
  time: z.object({ from: z.string(), to: z.string() }).default({ from: 'now-90d', to: 'now' }),
  templating: z.object({ list: z.array(variableSchema).default([]) }).default({ list: [] }),
  panels: z.array(z.looseObject({ type: z.string() })).transform((panels) => panels.filter((panel) => panel.type !== 'row')).pipe(z.array(panelSchema)),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

/** Grafana's grid: 24 columns, 30 px rows, 8 px between panels. */
export const GRID = { columns: 24, rowHeight: 30, margin: 8 } as const;

export interface PanelRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Where Grafana's grid puts a panel in a dashboard `width` pixels wide. */
export const panelRect = (gridPos: DashboardPanel['gridPos'], width: number): PanelRect => {
  const column = (width - GRID.margin) / GRID.columns;
  return {
    left: GRID.margin + gridPos.x * column,
    top: GRID.margin + gridPos.y * (GRID.rowHeight + GRID.margin),
    width: Math.max(0, gridPos.w * column - GRID.margin),
    height: gridPos.h * GRID.rowHeight + (gridPos.h - 1) * GRID.margin,
  };
};

/** The dashboard's height: the lowest panel's bottom edge plus a margin. */
export const dashboardHeight = (panels: DashboardPanel[]): number =>
  Math.max(0, ...panels.map((panel) => (panel.gridPos.y + panel.gridPos.h) * (GRID.rowHeight + GRID.margin))) + GRID.margin;
