import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../load/testing/loadFixtures';
import { lockedFile } from './lockedFile';
import { openDatabase } from './openDatabase';

describe('lockedFile: whether a process holds a file open as DuckDB does', () => {
  const dir = tempDir('locked-file');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('says held while DuckDB has the file open, read-only too, and not once it is closed', async () => {
    const path = join(dir, 'w.duckdb');
    const writer = await openDatabase(path);
    expect(lockedFile(path)).toBe(true);
    writer.closeSync();
    expect(lockedFile(path)).toBe(false);
    const reader = await openDatabase(path, { readOnly: true });
    expect(lockedFile(path)).toBe(true);
    reader.closeSync();
    expect(lockedFile(path)).toBe(false);
  });

  it('says not held for a file no one locked', () => {
    const path = join(dir, 'plain');
    writeFileSync(path, 'text');
    expect(lockedFile(path)).toBe(false);
  });
});
