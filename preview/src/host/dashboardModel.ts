import { z } from 'zod';

const datasourceRefSchema = z.object({ type: z.string(), uid: z.string() });
const recordSchema = z.record(z.string(), z.unknown());

const overrideSchema = z.object({
  matcher: z.object({ id: z.string(), options: z.unknown() }),
  properties: z.array(z.object({ id: z.string(), value: z.unknown() })),
});

const panelSchema = z.object({
  id: z.number().int(),
  type: z.string(),
  title: z.string(),
  description: z.string().optional(),
  gridPos: z.object({ x: z.number(), y: z.number(), w: z.number(), h: z.number() }),
  datasource: datasourceRefSchema.optional(),
  targets: z.array(z.looseObject({ refId: z.string() })).default([]),
  options: recordSchema.default({}),
  fieldConfig: z
    .object({ defaults: recordSchema, overrides: z.array(overrideSchema) })
    .default({ defaults: {}, overrides: [] }),
  maxDataPoints: z.number().int().positive().optional(),
  transformations: z
    .array(z.object({ id: z.string(), options: z.any().default({}), disabled: z.boolean().optional() }))
    .default([]),
  /** A panel's own relative range (`12M`, Grafana's "Relative time"): the last 12 months, whatever the dashboard's range. */
  timeFrom: z.string().optional(),
});
export type DashboardPanel = z.infer<typeof panelSchema>;

const variableSchema = z.object({
  name: z.string(),
  label: z.string().optional(),
  type: z.string(),
  datasource: datasourceRefSchema.optional(),
  query: z.unknown(),
  multi: z.boolean().default(false),
  includeAll: z.boolean().default(false),
  allValue: z.string().nullish(),
  current: z.object({ value: z.union([z.string(), z.array(z.string())]).optional() }).default({}),
});
export type DashboardVariable = z.infer<typeof variableSchema>;

/**
 * Grafana's dashboard JSON, the part Touchpoint's tools read: the preview
 * draws it and the provisioning tests check it. A row carries its panels
 * inside it while collapsed.
 */
export const dashboardSchema = z.object({
  uid: z.string().min(1),
  title: z.string(),
  schemaVersion: z.number().int(),
  timezone: z.string().default('browser'),
  time: z.object({ from: z.string(), to: z.string() }),
  templating: z.object({ list: z.array(variableSchema) }).default({ list: [] }),
  panels: z.array(panelSchema.extend({ panels: z.array(panelSchema).default([]) })),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

/** The panels the preview draws: rows are headings, and a collapsed row's panels are Grafana's to show. */
export const drawnPanels = (dashboard: Dashboard): DashboardPanel[] =>
  dashboard.panels.filter((panel) => panel.type !== 'row');

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
  Math.max(0, ...panels.map((panel) => (panel.gridPos.y + panel.gridPos.h) * (GRID.rowHeight + GRID.margin))) +
  GRID.margin;
