import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { REPO_ROOT } from '@touchpoint/preview/src/server/previewSources';

/** The repository root: docker-compose.yml's relative paths start here. */
export { REPO_ROOT };

const composeServiceSchema = z.object({
  image: z.string().optional(),
  environment: z.record(z.string(), z.string()).default({}),
  volumes: z.array(z.string()).default([]),
  depends_on: z.record(z.string(), z.object({ condition: z.string() })).default({}),
});
export type ComposeService = z.infer<typeof composeServiceSchema>;

const composeFileSchema = z.object({ services: z.record(z.string(), composeServiceSchema) });

/** docker-compose.yml as written: anchors resolved, `${VAR:-default}` not yet interpolated. */
export const readComposeFile = () =>
  composeFileSchema.parse(parse(readFileSync(join(REPO_ROOT, 'docker-compose.yml'), 'utf8')));

export interface BindMount {
  /** Absolute path on the host. */
  host: string;
  container: string;
  readOnly: boolean;
}

/** A service's bind mounts (short syntax `./host:/container[:ro]`); named volumes are left out. */
export const bindMounts = (service: ComposeService): BindMount[] =>
  service.volumes.flatMap((volume) => {
    const [host, container, mode] = volume.split(':');
    if (!host.startsWith('.') && !host.startsWith('/')) {
      return [];
    }
    return [{ host: resolve(REPO_ROOT, host), container, readOnly: mode === 'ro' }];
  });

/** Where a path inside the container comes from on the host, through the deepest bind mount holding it. */
export const hostPathOf = (service: ComposeService, containerPath: string): string | undefined => {
  const mount = bindMounts(service)
    .filter((candidate) => containerPath === candidate.container || containerPath.startsWith(`${candidate.container}/`))
    .sort((a, b) => b.container.length - a.container.length)[0];
  return mount && join(mount.host, containerPath.slice(mount.container.length));
};
