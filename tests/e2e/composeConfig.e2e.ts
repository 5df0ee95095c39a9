import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { z } from 'zod';
import { REPO_ROOT as REPO } from '@touchpoint/preview/src/server/previewSources';
import { startSeededService, type SeededService } from '../grafana/support/seededService';

const run = promisify(execFile);
const readJson = (path: string): unknown => JSON.parse(readFileSync(join(REPO, path), 'utf8'));

const rootPackage = z
  .object({ workspaces: z.array(z.string()), dependencies: z.record(z.string(), z.string()) })
  .parse(readJson('package.json'));
const pluginIds = ['datasource/grafana', 'plugin'].map((folder) => ({
  folder,
  id: z.object({ id: z.string() }).parse(readJson(`${folder}/src/plugin.json`)).id,
}));
const dockerfile = readFileSync(join(REPO, 'Dockerfile'), 'utf8');

/** The resolved file as docker-compose prints it: variables interpolated, anchors expanded, paths absolute. */
const resolvedSchema = z.object({
  services: z.object({
    touchpoint: z.object({
      build: z.object({ context: z.string() }),
      environment: z.record(z.string(), z.string()),
      volumes: z.array(z.string()),
      ports: z.array(z.unknown()).default([]),
      healthcheck: z.object({ test: z.array(z.string()), interval: z.string(), start_period: z.string() }),
    }),
    grafana: z.object({
      image: z.string(),
      environment: z.record(z.string(), z.string()),
      volumes: z.array(z.string()),
      depends_on: z.record(z.string(), z.object({ condition: z.string() })),
    }),
  }),
});

/**
 * Debian's docker-compose (v1.29) validates the file and prints it resolved,
 * with the environment given and no other: a TOUCHPOINT_TOKEN of the
 * caller's must not leak in.
 */
const composeConfig = async (env: Record<string, string> = {}) => {
  const { TOUCHPOINT_TOKEN: _token, ...inherited } = process.env;
  try {
    const { stdout } = await run('docker-compose', ['-f', join(REPO, 'docker-compose.yml'), 'config'], {
      env: { ...inherited, ...env },
    });
    return resolvedSchema.parse(parse(stdout));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(
        'docker-compose is not installed: `apt-get install -y docker-compose` (Debian’s compose v1 checks docker-compose.yml here)',
        { cause: error }
      );
    }
    throw error;
  }
};

/** The last value of each Dockerfile instruction, e.g. `USER`. */
const lastInstruction = (name: string) =>
  [...dockerfile.matchAll(new RegExp(`^${name}\\s+(.+)$`, 'gm'))].map((match) => match[1].trim()).at(-1);

/** Runs the health check's command with the service's address swapped for `url`; resolves with its exit code. */
const runHealthCheck = async (test: string[], url: string): Promise<number> => {
  const [kind, command, ...args] = test;
  expect(kind).toBe('CMD');
  try {
    await run(
      command,
      args.map((arg) => arg.replace('http://127.0.0.1:7400', url))
    );
    return 0;
  } catch (error) {
    return (error as { code: number }).code;
  }
};

describe('docker-compose.yml, resolved by docker-compose config', () => {
  let config: z.infer<typeof resolvedSchema>;
  beforeAll(async () => {
    config = await composeConfig();
  });

  it('pins Grafana to the version of our @grafana packages, never latest', () => {
    expect(config.services.grafana.image).toBe(`grafana/grafana:${rootPackage.dependencies['@grafana/data']}`);
  });

  it('mounts each plugin’s build read-only at its plugin id, and allows exactly those unsigned', () => {
    const { grafana } = config.services;
    for (const { folder, id } of pluginIds) {
      expect(grafana.volumes).toContain(`${join(REPO, folder, 'dist')}:/var/lib/grafana/plugins/${id}:ro`);
    }
    expect(grafana.volumes).toContain(`${join(REPO, 'provisioning')}:/etc/grafana/provisioning:ro`);
    expect(grafana.environment.GF_PLUGINS_ALLOW_LOADING_UNSIGNED_PLUGINS.split(',').sort()).toEqual(
      pluginIds.map(({ id }) => id).sort()
    );
  });

  it('gives both services the same token: the default, or the one in the environment', async () => {
    const { touchpoint, grafana } = config.services;
    expect(touchpoint.environment.TOUCHPOINT_TOKEN).toBe('touchpoint-demo-token');
    expect(grafana.environment.TOUCHPOINT_TOKEN).toBe('touchpoint-demo-token');
    const custom = await composeConfig({ TOUCHPOINT_TOKEN: 'a-token-of-our-own' });
    expect(custom.services.touchpoint.environment.TOUCHPOINT_TOKEN).toBe('a-token-of-our-own');
    expect(custom.services.grafana.environment.TOUCHPOINT_TOKEN).toBe('a-token-of-our-own');
  });

  it('keeps the warehouse in a named volume and publishes the service on loopback only', () => {
    const { touchpoint } = config.services;
    expect(touchpoint.build.context).toBe(REPO);
    expect(touchpoint.volumes).toEqual(['touchpoint-data:/app/data:rw']);
    expect(touchpoint.ports.every((port) => typeof port === 'string' && port.startsWith('127.0.0.1:'))).toBe(true);
  });

  it('serves PostgreSQL on the port Grafana’s PostgreSQL datasource dials, published on loopback only', () => {
    const { touchpoint } = config.services;
    expect(touchpoint.environment.TOUCHPOINT_PG_PORT).toBe('5432');
    expect(touchpoint.ports.filter((port) => typeof port === 'string' && /:5432:5432(\/tcp)?$/.test(port))).toEqual([
      expect.stringMatching(/^127\.0\.0\.1:5432:5432/),
    ]);
  });

  it('starts Grafana only once the service’s health check passes', () => {
    expect(config.services.grafana.depends_on.touchpoint).toEqual({ condition: 'service_healthy' });
  });

  describe('the health check', () => {
    let seeded: SeededService;
    beforeAll(async () => {
      seeded = await startSeededService();
    });
    afterAll(() => seeded?.stop());

    it('passes against a running service, without the token', async () => {
      expect(await runHealthCheck(config.services.touchpoint.healthcheck.test, seeded.service.url)).toBe(0);
    });

    it('fails when nothing listens', async () => {
      const closed = createServer();
      await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
      const { port } = closed.address() as { port: number };
      await new Promise((done) => closed.close(done));
      expect(await runHealthCheck(config.services.touchpoint.healthcheck.test, `http://127.0.0.1:${port}`)).not.toBe(0);
    });
  });
});

describe('the Dockerfile', () => {
  it('starts from an exact Node 22 tag', () => {
    expect(lastInstruction('FROM')).toMatch(/^node:22\.\d+\.\d+-[a-z-]+$/);
  });

  it('runs as the unprivileged node user', () => {
    expect(lastInstruction('USER')).toBe('node');
  });

  it('copies the package.json of every workspace before installing, and installs with npm install', () => {
    const copied = [...dockerfile.matchAll(/^COPY\s+(?:--\S+\s+)*(\S+)\/package\.json\s/gm)].map((match) => match[1]);
    expect(copied.sort()).toEqual([...rootPackage.workspaces].sort());
    expect(dockerfile).toMatch(/^RUN npm install --omit=dev /m);
  });

  it('seeds and serves the demo on every interface of the container, without the preview', () => {
    expect(JSON.parse(lastInstruction('CMD') ?? '[]')).toEqual([
      'node',
      'bin/touchpoint.js',
      'demo',
      '--no-preview',
      '--host',
      '0.0.0.0',
    ]);
  });
});
