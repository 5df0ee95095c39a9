import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { PROVISIONING_DIR } from '@touchpoint/preview/src/server/previewSources';

export { PROVISIONING_DIR };
export { readProvisionedDatasources, type ProvisionedDatasource } from '@touchpoint/preview/src/server/previewSources';

/** Grafana reads the provisioning folder from here (the compose file mounts it). */
export const GRAFANA_PROVISIONING_DIR = '/etc/grafana/provisioning';

const dashboardProviderSchema = z.object({
  name: z.string(),
  type: z.literal('file'),
  folder: z.string(),
  options: z.object({ path: z.string() }),
});

/** Every dashboard provider the provisioning files declare. */
export const readDashboardProviders = () =>
  readdirSync(join(PROVISIONING_DIR, 'dashboards'))
    .filter((name) => /\.ya?ml$/.test(name))
    .flatMap(
      (name) =>
        z
          .object({ apiVersion: z.literal(1), providers: z.array(dashboardProviderSchema) })
          .parse(parse(readFileSync(join(PROVISIONING_DIR, 'dashboards', name), 'utf8'))).providers
    );
