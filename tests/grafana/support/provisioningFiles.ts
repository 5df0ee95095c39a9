import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { REPO_ROOT } from './composeFile';

export const PROVISIONING_DIR = join(REPO_ROOT, 'provisioning');
/** Grafana reads the provisioning folder from here (the compose file mounts it). */
export const GRAFANA_PROVISIONING_DIR = '/etc/grafana/provisioning';

const provisionedDatasourceSchema = z.object({
  name: z.string(),
  uid: z.string().min(1),
  type: z.string(),
  access: z.literal('proxy'),
  isDefault: z.boolean().optional(),
  jsonData: z.record(z.string(), z.string()).default({}),
  secureJsonData: z.record(z.string(), z.string()).default({}),
});
export type ProvisionedDatasource = z.infer<typeof provisionedDatasourceSchema>;

const dashboardProviderSchema = z.object({
  name: z.string(),
  type: z.literal('file'),
  folder: z.string(),
  options: z.object({ path: z.string() }),
});

const yamlFiles = (folder: string) =>
  readdirSync(join(PROVISIONING_DIR, folder))
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => parse(readFileSync(join(PROVISIONING_DIR, folder, name), 'utf8')) as unknown);

/** Every datasource the provisioning files declare, as written (environment variables not expanded). */
export const readProvisionedDatasources = (): ProvisionedDatasource[] =>
  yamlFiles('datasources').flatMap((file) =>
    z.object({ apiVersion: z.literal(1), datasources: z.array(provisionedDatasourceSchema) }).parse(file).datasources,
  );

/** Every dashboard provider the provisioning files declare. */
export const readDashboardProviders = () =>
  yamlFiles('dashboards').flatMap(
    (file) => z.object({ apiVersion: z.literal(1), providers: z.array(dashboardProviderSchema) }).parse(file).providers,
  );
