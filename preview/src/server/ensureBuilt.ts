import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './previewSources';

export interface BuildTarget {
  /** What the user reads while it builds. */
  name: string;
  /** The npm workspace whose `build` script makes it. */
  workspace: string;
  /** The file the build writes last. */
  output: string;
  /** Files and folders whose change makes the output stale (relative to the repository). */
  sources: string[];
}

/** What `npm start` needs built: both plugins as Grafana loads them, and the preview page. */
export const buildTargets: BuildTarget[] = [
  {
    name: 'the Touchpoint datasource plugin',
    workspace: 'datasource/grafana',
    output: 'datasource/grafana/dist/module.js',
    sources: ['datasource/grafana/src', 'datasource/grafana/package.json', 'datasource/contract/src', '.config'],
  },
  {
    name: 'the scorecard panel plugin',
    workspace: 'plugin',
    output: 'plugin/dist/module.js',
    sources: ['plugin/src', 'plugin/package.json', 'datasource/contract/src', '.config'],
  },
  {
    name: 'the preview page',
    workspace: 'preview',
    output: 'preview/dist/host.js',
    sources: ['preview/src/host', 'preview/webpack.config.ts', 'plugin/src/hooks'],
  },
];

/** The newest modification time of a file or anything under a folder (tests count: they are cheap to include). */
const newestChange = (path: string): number => {
  if (!existsSync(path)) {
    return 0;
  }
  const stat = statSync(path);
  if (!stat.isDirectory()) {
    return stat.mtimeMs;
  }
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestChange(join(path, entry))));
};

/** Why a target needs building, or undefined when its output is newer than every source. */
export const staleness = (target: BuildTarget, root = REPO_ROOT): string | undefined => {
  const output = join(root, target.output);
  if (!existsSync(output)) {
    return 'not built yet';
  }
  const built = statSync(output).mtimeMs;
  const changed = target.sources.find((source) => newestChange(join(root, source)) > built);
  return changed ? `${changed} changed since the last build` : undefined;
};

export class BuildError extends Error {}

const runBuild = (target: BuildTarget): Promise<void> =>
  new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', 'build', '--workspace', target.workspace], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += String(chunk)));
    child.stderr.on('data', (chunk) => (output += String(chunk)));
    child.once('error', (error) => reject(new BuildError(`building ${target.name} failed to start: ${error.message}`)));
    child.once('exit', (code) =>
      code === 0
        ? resolve()
        : reject(
            new BuildError(
              `building ${target.name} failed (npm run build --workspace ${target.workspace}):\n${output.split('\n').slice(-30).join('\n')}`
            )
          )
    );
  });

/**
 * Builds what is missing or older than its sources, one at a time (two
 * cores), saying what and why. A developer's change shows on the next
 * `npm start`; `npm run dev --workspace plugin` rebuilds on every save.
 */
export const ensureBuilt = async (say: (line: string) => void, targets = buildTargets): Promise<void> => {
  for (const target of targets) {
    const reason = staleness(target);
    if (!reason) {
      continue;
    }
    const started = Date.now();
    say(`Building ${target.name} (${reason})…`);
    await runBuild(target);
    say(`Built ${target.name} in ${Math.round((Date.now() - started) / 1000)} s.`);
  }
};
