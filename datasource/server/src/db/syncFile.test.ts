import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../load/testing/loadFixtures';
import { syncFile } from './syncFile';

const MIB = 1 << 20;

describe('syncFile: a file made equal to another, written only where it differs', () => {
  const dir = tempDir('sync-file');
  const source = join(dir, 'source');
  const target = join(dir, 'target');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes only the MiB chunks that differ', () => {
    const content = randomBytes(5 * MIB + 1234);
    writeFileSync(source, content);
    const held = Buffer.from(content);
    held[2 * MIB + 7] ^= 0xff;
    held[5 * MIB + 1000] ^= 0xff;
    writeFileSync(target, held);
    // The third chunk whole, and the last one, 1,234 bytes.
    expect(syncFile(source, target)).toBe(MIB + 1234);
    expect(readFileSync(target).equals(content)).toBe(true);
    expect(syncFile(source, target)).toBe(0);
  });

  it('grows a shorter file and cuts a longer one to the source’s length', () => {
    const content = randomBytes(3 * MIB);
    writeFileSync(source, content);
    writeFileSync(target, content.subarray(0, MIB + 10));
    expect(syncFile(source, target)).toBe(2 * MIB);
    expect(readFileSync(target).equals(content)).toBe(true);

    writeFileSync(target, Buffer.concat([content, randomBytes(MIB)]));
    expect(syncFile(source, target)).toBe(0);
    expect(readFileSync(target).equals(content)).toBe(true);
  });
});
