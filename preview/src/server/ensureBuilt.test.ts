import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { staleness, type BuildTarget } from './ensureBuilt';

const target: BuildTarget = {
  name: 'the panel',
  workspace: 'plugin',
  output: 'plugin/dist/module.js',
  sources: ['plugin/src', 'plugin/package.json'],
};

describe('staleness', () => {
  let root: string;
  const at = (path: string, seconds: number) => {
    const file = join(root, path);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, '');
    utimesSync(file, seconds, seconds);
  };
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'touchpoint-build-'));
    at('plugin/package.json', 1000);
    at('plugin/src/model/deep/file.ts', 1000);
    // Folders carry their own times; pin them so only files decide.
    for (const dir of ['plugin/src', 'plugin/src/model', 'plugin/src/model/deep']) {
      utimesSync(join(root, dir), 1000, 1000);
    }
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('asks for a build when there is no output yet', () => {
    expect(staleness(target, root)).toBe('not built yet');
  });

  it('is satisfied when the output is newer than every source', () => {
    at('plugin/dist/module.js', 2000);
    expect(staleness(target, root)).toBeUndefined();
  });

  it('names the source that changed after the build, however deep the file', () => {
    at('plugin/dist/module.js', 2000);
    at('plugin/src/model/deep/file.ts', 3000);
    expect(staleness(target, root)).toBe('plugin/src changed since the last build');
  });

  it('counts a changed file outside a folder, and ignores sources that do not exist', () => {
    at('plugin/dist/module.js', 2000);
    expect(staleness({ ...target, sources: [...target.sources, 'plugin/missing'] }, root)).toBeUndefined();
    at('plugin/package.json', 3000);
    expect(staleness(target, root)).toBe('plugin/package.json changed since the last build');
  });
});
