import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { PROVISIONING_DIR } from './provisioningFiles';

/** Where the dashboard JSON lives in the repository. */
export const DASHBOARD_DIR = join(PROVISIONING_DIR, 'dashboards', 'touchpoint');

const dataSourceRefSchema = z.object({ type: z.string(), uid: z.string() });
const recordSchema = z.record(z.string(), z.unknown());

const overrideSchema = z.object({
  matcher: z.object({ id: z.string(), options: z.unknown() }),
  properties: z.array(z.object({ id: z.string(), value: z.unknown() })),
});

const basePanelSchema = z.object({
  id: z.number().int(),
  type: z.string(),
  title: z.string(),
  gridPos: z.object({ x: z.number(), y: z.number(), w: z.number(), h: z.number() }),
  datasource: dataSourceRefSchema.optional(),
  targets: z.array(recordSchema).default([]),
  options: recordSchema.default({}),
  fieldConfig: z.object({ defaults: recordSchema, overrides: z.array(overrideSchema) }).default({ defaults: {}, overrides: [] }),
  transformations: z.array(z.object({ id: z.string(), options: z.unknown() })).default([]),
  /** A relative range of the panel's own, such as `1y` (Grafana's "Relative time"). */
  timeFrom: z.string().optional(),
});
/** A row carries its panels inside it when collapsed. */
const panelSchema = basePanelSchema.extend({ panels: z.array(basePanelSchema).default([]) });
export type DashboardPanel = z.infer<typeof basePanelSchema>;

const variableSchema = z.object({
  name: z.string(),
  type: z.string(),
  datasource: dataSourceRefSchema.optional(),
  query: z.unknown(),
  current: z.object({ value: z.union([z.string(), z.array(z.string())]).optional() }).default({}),
  multi: z.boolean().default(false),
  includeAll: z.boolean().default(false),
  allValue: z.string().nullish(),
});
export type DashboardVariable = z.infer<typeof variableSchema>;

const dashboardSchema = z.object({
  uid: z.string().min(1),
  title: z.string(),
  schemaVersion: z.number().int(),
  timezone: z.string().default('browser'),
  time: z.object({ from: z.string(), to: z.string() }),
  templating: z.object({ list: z.array(variableSchema) }).default({ list: [] }),
  panels: z.array(panelSchema),
});

export interface DashboardFile {
  file: string;
  /** The file's JSON as Grafana reads it. */
  raw: unknown;
  dashboard: z.infer<typeof dashboardSchema>;
  /** Every panel, those inside rows included; rows themselves left out. */
  panels: DashboardPanel[];
}

/** Every provisioned dashboard, read at once so tests can be named after them. */
export const readDashboardFiles = (): DashboardFile[] =>
  readdirSync(DASHBOARD_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((file) => {
      const raw: unknown = JSON.parse(readFileSync(join(DASHBOARD_DIR, file), 'utf8'));
      const parsed = dashboardSchema.safeParse(raw);
      if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`, { cause: parsed.error });
      const dashboard = parsed.data;
      const panels = dashboard.panels.flatMap(({ panels: inRow, ...panel }) => [panel, ...inRow]).filter((panel) => panel.type !== 'row');
      return { file, raw, dashboard, panels };
    });

/** Every `datasource` reference anywhere in a dashboard's JSON, with where it is. */
export const datasourceRefs = (json: unknown, path = ''): Array<{ path: string; ref: unknown }> => {
  if (Array.isArray(json)) return json.flatMap((item, index) => datasourceRefs(item, `${path}[${index}]`));
  if (typeof json !== 'object' || json === null) return [];
  return Object.entries(json).flatMap(([key, value]) => [
    ...(key === 'datasource' ? [{ path: `${path}.${key}`, ref: value }] : []),
    ...datasourceRefs(value, `${path}.${key}`),
  ]);
};
