import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { z } from 'zod';

const ROOT = resolve(__dirname, '..', '..');

const packageJsonSchema = z.object({
  name: z.string(),
  workspaces: z.array(z.string()).optional(),
  dependencies: z.record(z.string(), z.string()).optional(),
  devDependencies: z.record(z.string(), z.string()).optional(),
});
const readPackage = (dir: string) =>
  packageJsonSchema.parse(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')));

interface Workspace {
  dir: string;
  name: string;
  declared: Set<string>;
}

const workspaces: Workspace[] = (readPackage(ROOT).workspaces ?? []).map((dir) => {
  const pkg = readPackage(join(ROOT, dir));
  return { dir, name: pkg.name, declared: new Set(Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })) };
});

/** The workspace a path is in: the deepest workspace folder holding it. */
const workspaceOf = (path: string): Workspace | undefined =>
  workspaces
    .filter((w) => path === w.dir || path.startsWith(`${w.dir}/`))
    .sort((a, b) => b.dir.length - a.dir.length)[0];

const sourceFiles = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      return ['node_modules', 'dist', 'artifacts'].includes(entry.name) ? [] : sourceFiles(path);
    }
    return /\.(ts|tsx|js|mjs)$/.test(entry.name) ? [path] : [];
  });

const specifiers = (text: string) => [...text.matchAll(/(?:from|import\(|require\()\s*'([^']+)'/g)].map((m) => m[1]);

/** Every import of every workspace's sources: who, what, and the workspace it lands in. */
const imports = workspaces.flatMap((workspace) =>
  sourceFiles(workspace.dir)
    .filter((file) => workspaceOf(file) === workspace)
    .flatMap((file) =>
      specifiers(readFileSync(join(ROOT, file), 'utf8')).map((specifier) => {
        const target = specifier.startsWith('.')
          ? workspaceOf(relative(ROOT, resolve(ROOT, dirname(file), specifier)))
          : workspaces.find((w) => specifier === w.name || specifier.startsWith(`${w.name}/`));
        return { file, workspace, specifier, target };
      })
    )
);

describe('the workspaces', () => {
  it('each have a @touchpoint/ name', () => {
    expect(workspaces.filter((w) => !w.name.startsWith('@touchpoint/'))).toEqual([]);
  });

  it('import one another only by package name, never by a relative path out of their folder', () => {
    const crossing = imports.filter((i) => i.specifier.startsWith('.') && i.target !== i.workspace);
    expect(crossing.map((i) => `${i.file}: ${i.specifier}`)).toEqual([]);
  });

  it('declare every workspace they import in their package.json', () => {
    const undeclared = imports.filter(
      (i) => i.target && i.target !== i.workspace && !i.workspace.declared.has(i.target.name)
    );
    expect([...new Set(undeclared.map((i) => `${i.workspace.name} imports ${i.target?.name} (${i.file})`))]).toEqual(
      []
    );
  });

  it('depend on one another without a cycle', () => {
    const edges = new Map(workspaces.map((w) => [w.name, new Set<string>()]));
    for (const i of imports) {
      if (i.target && i.target !== i.workspace) {
        edges.get(i.workspace.name)?.add(i.target.name);
      }
    }
    const cycles: string[] = [];
    const visit = (name: string, path: string[]) => {
      if (path.includes(name)) {
        cycles.push([...path.slice(path.indexOf(name)), name].join(' -> '));
        return;
      }
      for (const next of edges.get(name) ?? []) {
        visit(next, [...path, name]);
      }
    };
    for (const w of workspaces) {
      visit(w.name, []);
    }
    expect([...new Set(cycles)]).toEqual([]);
  });

  it('keep the contract and the model free of anything of ours, and everything below the CLI free of it', () => {
    const ours = (i: (typeof imports)[number]) => i.target && i.target !== i.workspace;
    expect(
      imports
        .filter((i) => ['@touchpoint/contract', '@touchpoint/sql'].includes(i.workspace.name) && ours(i))
        .map((i) => i.file)
    ).toEqual([]);
    const belowCli = [
      '@touchpoint/server',
      '@touchpoint/seed',
      '@touchpoint/duckdb-datasource',
      '@touchpoint/scorecard-panel',
      '@touchpoint/preview',
    ];
    expect(
      imports
        .filter((i) => belowCli.includes(i.workspace.name) && i.target?.name === '@touchpoint/cli')
        .map((i) => i.file)
    ).toEqual([]);
  });
});
