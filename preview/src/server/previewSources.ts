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
    throw new PreviewSourceError(`${file}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
};

/** A built plugin's plugin.json (with its id, type and data proxy routes). */
export const readBuiltPlugin = (dir: string): BuiltPlugin => {
  const file = join(dir, 'plugin.json');
  const parsed = builtPluginSchema.safeParse(readJson(file));
  if (!parsed.success) throw new PreviewSourceError(`${file}: ${parsed.error.issues[0].path.join('.')} ${parsed.error.issues[0].message}`);
  return { ...parsed.data, dir };
};

const provisionedDatasourceSchema = z.object({
  datasources: z
    .array(z.object({ name: z.string(), type: z.string(), uid: z.string(), jsonData: z.record(z.string(), z.unknown()).default({}) }))
    .min(1),
});

/** The datasource Grafana is provisioned with (name, uid, type, jsonData); the preview points its URL at the local service. */
export const readProvisionedDatasource = (type: string) => {
  const dir = join(PROVISIONING_DIR, 'datasources');
  for (const name of readdirSync(dir).filter((file) => /\.ya?ml$/.test(file))) {
    const parsed = provisionedDatasourceSchema.safeParse(parseYaml(readFileSync(join(dir, name), 'utf8')));
    const found = parsed.success ? parsed.data.datasources.find((datasource) => datasource.type === type) : undefined;
    if (found) return found;
  }
  throw new PreviewSourceError(`no datasource of type ${type} is provisioned in ${dir}`);
};

const jsonFilesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? jsonFilesUnder(join(dir, entry.name)) : entry.name.endsWith('.json') ? [join(dir, entry.name)] : [],
  );

/** The provisioned dashboards, read anew on each page load so an edit shows on reload. */
export const readProvisionedDashboards = (): Dashboard[] =>
  jsonFilesUnder(join(PROVISIONING_DIR, 'dashboards'))
    .sort()
    .map((file) => {
      const parsed = dashboardSchema.safeParse(readJson(file));
      if (!parsed.success) throw new PreviewSourceError(`${file}: ${parsed.error.issues[0].path.join('.')} ${parsed.error.issues[0].message}`);
      return parsed.data;
    });
