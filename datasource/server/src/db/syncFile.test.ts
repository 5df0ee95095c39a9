import { randomBytes } from 'node:crypto';
import { copyFileSync, openSync, closeSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256, tempDir } from '../load/testing/loadFixtures';
import { duckdbBlockLayout } from './duckdbBlockLayout';
import { openDatabase } from './openDatabase';
import { readScalar } from './readRows';
import { syncFile } from './syncFile';
import { withDatabase } from './withDatabase';

const MIB = 1 << 20;

/** Runs `sql` on a DuckDB file, created with blocks of `blockSize` when given, and checkpoints it. */
const writeDuckdb = async (path: string, sql: string, blockSize?: number) => {
  const instance = await openDatabase(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(`attach '${path}' as w ${blockSize ? `(block_size ${blockSize})` : ''}; use w;`);
    await connection.run(sql);
    await connection.run('checkpoint w; use memory; detach w;');
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
};

const layoutOf = (path: string) => {
  const fd = openSync(path, 'r');
  try {
    return duckdbBlockLayout(fd);
  } finally {
    closeSync(fd);
  }
};

/** Forty thousand rows of random text per call, about 2.6 MB of it: several blocks of 256 KiB. */
const randomRows = (table: string, from: number) =>
  `insert into ${table} select ${from} + i, md5(random()::varchar) || md5(random()::varchar) from range(40000) t(i);`;

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
    expect(syncFile(source, target)).toEqual({ bytesWritten: MIB + 1234, compared: 'bytes' });
    expect(readFileSync(target).equals(content)).toBe(true);
    expect(syncFile(source, target).bytesWritten).toBe(0);
  });

  it('grows a shorter file and cuts a longer one to the source’s length', () => {
    const content = randomBytes(3 * MIB);
    writeFileSync(source, content);
    writeFileSync(target, content.subarray(0, MIB + 10));
    expect(syncFile(source, target).bytesWritten).toBe(2 * MIB);
    expect(readFileSync(target).equals(content)).toBe(true);

    writeFileSync(target, Buffer.concat([content, randomBytes(MIB)]));
    expect(syncFile(source, target).bytesWritten).toBe(0);
    expect(readFileSync(target).equals(content)).toBe(true);
  });
});

describe('syncFile between two DuckDB files: their blocks compared by the checksums they start with', () => {
  const dir = tempDir('sync-duckdb');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the block size from the file’s headers, and knows a file that is not DuckDB’s', async () => {
    const standard = join(dir, 'standard.duckdb');
    const small = join(dir, 'small.duckdb');
    await writeDuckdb(standard, `create table t (id integer, v varchar); ${randomRows('t', 0)}`);
    await writeDuckdb(small, `create table t (id integer, v varchar); ${randomRows('t', 0)}`, 16_384);
    expect(layoutOf(standard)).toEqual({ headerBytes: 12_288, blockBytes: 262_144 });
    expect(layoutOf(small)).toEqual({ headerBytes: 12_288, blockBytes: 16_384 });

    const other = join(dir, 'other');
    writeFileSync(other, randomBytes(12_288 + 262_144));
    expect(layoutOf(other)).toBeUndefined();
    // DuckDB's magic bytes, but not whole blocks after the headers.
    const cut = join(dir, 'cut.duckdb');
    writeFileSync(cut, readFileSync(standard).subarray(0, statSync(standard).size - 1000));
    expect(layoutOf(cut)).toBeUndefined();
  });

  it('writes the changed headers and blocks, leaves the file equal byte for byte, and DuckDB reads it', async () => {
    const source = join(dir, 'source.duckdb');
    const target = join(dir, 'target.duckdb');
    await writeDuckdb(
      source,
      `create table kept (id integer, v varchar); create table changed (id integer, v varchar);
      ${randomRows('kept', 0)} ${randomRows('kept', 40000)} ${randomRows('changed', 0)}`
    );
    copyFileSync(source, target);
    await writeDuckdb(source, `${randomRows('changed', 40000)} delete from changed where id % 7 = 0;`);

    const synced = syncFile(source, target);
    const size = statSync(source).size;
    expect(synced.compared).toBe('block checksums');
    // The three headers (the checkpoint wrote one), then whole blocks: far fewer than the file holds.
    expect((synced.bytesWritten - 12_288) % 262_144).toBe(0);
    expect(synced.bytesWritten).toBeGreaterThan(12_288);
    expect(synced.bytesWritten).toBeLessThan(size / 2);
    expect(sha256(target)).toBe(sha256(source));
    expect(syncFile(source, target)).toEqual({ bytesWritten: 0, compared: 'block checksums' });

    const count = (path: string) =>
      withDatabase(path, { readOnly: true }, (c) =>
        readScalar(c, "select count(*) || ' ' || sum(hash(v)) from (from kept union all from changed)")
      );
    expect(await count(target)).toBe(await count(source));
  });

  it('compares byte for byte when the other file is not a DuckDB file of the same block size', async () => {
    const source = join(dir, 'bytes-source.duckdb');
    const target = join(dir, 'bytes-target.duckdb');
    await writeDuckdb(source, `create table t (id integer, v varchar); ${randomRows('t', 0)}`);
    await writeDuckdb(target, `create table t (id integer, v varchar); ${randomRows('t', 0)}`, 16_384);
    expect(syncFile(source, target).compared).toBe('bytes');
    expect(sha256(target)).toBe(sha256(source));

    writeFileSync(target, randomBytes(3 * MIB));
    expect(syncFile(source, target).compared).toBe('bytes');
    expect(sha256(target)).toBe(sha256(source));
  });
});
