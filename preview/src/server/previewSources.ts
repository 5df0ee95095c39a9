import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { dashboardSchema, type Dashboard } from '../host/dashboardModel';
import { proxiedPluginSchema } from './dataProxyTarget';

/** The repository's root, where the plugins' build output and the provisioning live. */
export const REPO_ROOT = resolve(__dirname, '..', '..', '..');

/** The two plugins' build folders: what Grafana mounts, and what the preview serves. */
export const pluginDirs = {
  datasource: join(REPO_ROOT, 'datasource', 'grafana', 'dist'),
  panel: join(REPO_ROOT, 'plugin', 'dist'),
} as const;

export const PROVISIONING_DIR = join(REPO_ROOT, 'provisioning');

export class PreviewSourceError extends Error {}

const builtPluginSchema = proxiedPluginSchema.extend({ type: z.enum(['datasource', 'panel']) });
export type BuiltPlugin = z.infer<typeof builtPluginSchema> & { dir: string };

const readJson = (file: string): unknown => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new PreviewSourceError(`${file}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
};

/** A built plugin's plugin.json (with its id, type and data proxy routes). */
export const readBuiltPlugin = (dir: string): BuiltPlugin => {
  const file = join(dir, 'plugin.json');
  const parsed = builtPluginSchema.safeParse(readJson(file));
  if (!parsed.success) {
    throw new PreviewSourceError(`${file}: ${parsed.error.issues[0].path.join('.')} ${parsed.error.issues[0].message}`);
  }
  return { ...parsed.data, dir };
};

const provisionedDatasourceSchema = z.object({
  name: z.string(),
  uid: z.string().min(1),
  type: z.string(),
  access: z.literal('proxy'),
  isDefault: z.boolean().optional(),
  // Grafana's own datasources keep numbers and switches here too (PostgreSQL's postgresVersion, timescaledb).
  jsonData: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
  secureJsonData: z.record(z.string(), z.string()).default({}),
});
export type ProvisionedDatasource = z.infer<typeof provisionedDatasourceSchema>;
const datasourcesFileSchema = z.object({ apiVersion: z.literal(1), datasources: z.array(provisionedDatasourceSchema) });

/** Every datasource Grafana's provisioning files declare, as written (environment variables not expanded). */
export const readProvisionedDatasources = (): ProvisionedDatasource[] => {
  const dir = join(PROVISIONING_DIR, 'datasources');
  return readdirSync(dir)
    .filter((file) => /\.ya?ml$/.test(file))
    .sort()
    .flatMap((name) => {
      const file = join(dir, name);
      const parsed = datasourcesFileSchema.safeParse(parseYaml(readFileSync(file, 'utf8')));
      if (!parsed.success) {
        throw new PreviewSourceError(
          `${file}: ${parsed.error.issues[0].path.join('.')} ${parsed.error.issues[0].message}`
        );
      }
      return parsed.data.datasources;
    });
};

/** The provisioned datasource of a plugin; the preview points its URL at the local service. */
export const readProvisionedDatasource = (type: string): ProvisionedDatasource => {
  const found = readProvisionedDatasources().find((datasource) => datasource.type === type);
  if (!found) {
    throw new PreviewSourceError(
      `no datasource of type ${type} is provisioned in ${join(PROVISIONING_DIR, 'datasources')}`
    );
  }
  return found;
};

/** Where the dashboard provider (provisioning/dashboards/touchpoint.yaml) reads Touchpoint's dashboards from. */
export const DASHBOARD_DIR = join(PROVISIONING_DIR, 'dashboards', 'touchpoint');

/** The dashboard the preview opens on (`/`): the leadership scorecard. */
export const HOME_DASHBOARD_UID = 'touchpoint-leadership';

export interface DashboardFile {
  /** The file's name in DASHBOARD_DIR. */
  file: string;
  /** Its JSON as Grafana reads it. */
  raw: unknown;
  dashboard: Dashboard;
}

/** The provisioned dashboards, in file order; the preview reads them anew on each page load, so an edit shows on reload. */
export const readDashboardFiles = (): DashboardFile[] =>
  readdirSync(DASHBOARD_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((file) => {
      const raw = readJson(join(DASHBOARD_DIR, file));
      const parsed = dashboardSchema.safeParse(raw);
      if (!parsed.success) {
        throw new PreviewSourceError(`${file}: ${z.prettifyError(parsed.error)}`, { cause: parsed.error });
      }
      return { file, raw, dashboard: parsed.data };
    });
