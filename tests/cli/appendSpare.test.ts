import { closeSync, existsSync, linkSync, mkdirSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { lockedFile } from '@touchpoint/server/src/db/lockedFile';
import { openDatabase } from '@touchpoint/server/src/db/openDatabase';
import { readScalar } from '@touchpoint/server/src/db/readRows';
import { withDatabase } from '@touchpoint/server/src/db/withDatabase';
import { sha256, tempDir, validFixture } from '@touchpoint/server/src/load/testing/loadFixtures';
import { sparePath } from '@touchpoint/server/src/warehouse/spareFile';
import { runTouchpoint } from '../support/runTouchpoint';
import { writeIncrementFolder } from '../support/incrementFolder';
import { healthOnceServing, startServiceProcess, type ServiceProcess } from '../support/serviceProcess';
import { until } from '../support/until';
import { warehouseHashes } from '../support/warehouseHashes';

/** Two days of changes to the valid fixture: the open contact I2 resolved and C3 gone; then a new contact rated. */
const increments = {
  first: {
    interactions: ['I2,C2,B2,email,,delivery,2024-05-02 14:00:00,2024-05-02 16:30:00,2024-05-06T10:00:00Z,300'],
    customers: ['C3,B1,,2024-03-10T12:00:00Z,2024-05-08T00:00:00Z,'],
  },
  second: {
    interactions: ['I5,C1,B1,chat,A1,billing,2024-05-09T10:00:00Z,,,'],
    responses: ['R7,B1,C1,I5,after_service,csat_5,2,2024-05-09T11:00:00Z,'],
  },
};

const inode = (path: string) => statSync(path).ino;

/** The bytes of an open file: the file a reader holds, whatever name it has now. */
const sha256Of = (fd: number) => {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(1 << 20);
  for (let at = 0, n = 0; (n = readSync(fd, buffer, 0, buffer.length, at)) > 0; at += n) {
    hash.update(buffer.subarray(0, n));
  }
  return hash.digest('hex');
};

const expectSuccess = async (...args: string[]) => {
  const { code, stderr } = await runTouchpoint(...args);
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
};

describe('load --append works on the spare copy beside the warehouse, and only when nothing else has it open', () => {
  const dir = tempDir('append-spare');
  const dirs = {
    first: writeIncrementFolder(dir, 'first', increments.first),
    second: writeIncrementFolder(dir, 'second', increments.second),
  };
  let service: ServiceProcess | undefined;
  let n = 0;
  /** A warehouse of the valid fixture, loaded in full. */
  const loaded = async () => {
    n += 1;
    const db = join(dir, `w${n}.duckdb`);
    await expectSuccess('load', '--db', db, validFixture);
    return db;
  };
  afterAll(async () => {
    await service?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the file it replaced as the spare; the next append works on it and gives what copying gives', async () => {
    const db = await loaded();
    const copied = await loaded();
    const before = { inode: inode(db), sha: sha256(db) };
    await expectSuccess('load', '--db', db, dirs.first, '--append');
    await expectSuccess('load', '--db', copied, dirs.first, '--append', '--no-spare');
    // The spare is the file the append replaced, as it was.
    expect(inode(sparePath(db))).toBe(before.inode);
    expect(sha256(sparePath(db))).toBe(before.sha);
    expect(existsSync(sparePath(copied))).toBe(false);

    const spare = inode(sparePath(db));
    const served = inode(db);
    await expectSuccess('load', '--db', db, dirs.second, '--append');
    await expectSuccess('load', '--db', copied, dirs.second, '--append', '--no-spare');
    // The spare, brought up to date and changed, is the served file now; the file it replaced the spare.
    expect(inode(db)).toBe(spare);
    expect(inode(sparePath(db))).toBe(served);
    const read = (path: string) =>
      withDatabase(path, { readOnly: true }, async (connection) => ({
        hashes: await warehouseHashes(connection),
        version: await readScalar(connection, 'select data_version from model_info'),
      }));
    expect(await read(db)).toEqual(await read(copied));
    expect(await withDatabase(db, { readOnly: true }, (c) => readScalar(c, 'select count(*) from raw.responses'))).toBe(
      5
    );
  });

  it('copies the file when a process holds the spare open, and leaves the file that process reads as it was', async () => {
    const db = await loaded();
    await expectSuccess('load', '--db', db, dirs.first, '--append');
    const spare = sparePath(db);
    const held = { inode: inode(spare), sha: sha256(spare) };
    const fd = openSync(spare, 'r');
    // An analyst's DuckDB on the spare: it locks the file, as the service does the file it still answers from.
    const reader = await openDatabase(spare, { readOnly: true });
    try {
      const connection = await reader.connect();
      const version = await readScalar(connection, 'select data_version from model_info');
      await expectSuccess('load', '--db', db, dirs.second, '--append');
      expect(inode(db)).not.toBe(held.inode);
      expect(sha256Of(fd)).toBe(held.sha);
      expect(await readScalar(connection, 'select data_version from model_info')).toBe(version);
      connection.closeSync();
    } finally {
      reader.closeSync();
      closeSync(fd);
    }
  });

  it('does not write a spare that is the served file itself, as a load that died before its rename leaves it', async () => {
    const db = await loaded();
    linkSync(db, sparePath(db));
    const before = { inode: inode(db), sha: sha256(db) };
    await expectSuccess('load', '--db', db, dirs.first, '--append');
    expect(inode(db)).not.toBe(before.inode);
    expect(inode(sparePath(db))).toBe(before.inode);
    expect(sha256(sparePath(db))).toBe(before.sha);
  });

  it('with the service running, works on the spare once the service has let go of the file it served before', async () => {
    const db = await loaded();
    const running = await startServiceProcess(db, { TOUCHPOINT_WATCH_INTERVAL_MS: '200' });
    service = running;
    const served = async (path: string) =>
      withDatabase(path, { readOnly: true }, (connection) =>
        readScalar(connection, 'select data_version from model_info')
      );
    const untilServed = async (version: unknown) =>
      expect((await healthOnceServing(running.url, version)).dataVersion).toBe(version);
    await expectSuccess('load', '--db', db, dirs.first, '--append');
    await untilServed(await served(db));
    // The service closes the file it served before once its queries there end: DuckDB's lock on it goes.
    await until(() => !lockedFile(sparePath(db)), 'the service to let go of the file it served before', 10_000);
    const spare = inode(sparePath(db));
    await expectSuccess('load', '--db', db, dirs.second, '--append');
    expect(inode(db)).toBe(spare);
    await untilServed(await served(db));
  });

  it('never fails an append for want of a spare: says so, and serves the new file', async () => {
    const db = await loaded();
    mkdirSync(sparePath(db));
    const before = inode(db);
    const { code, stderr } = await runTouchpoint('load', '--db', db, dirs.first, '--append');
    expect(code).toBe(0);
    expect(stderr).toMatch(/^touchpoint load: could not remove the spare copy .*w\d+\.duckdb\.spare: /);
    expect(inode(db)).not.toBe(before);
    expect(statSync(sparePath(db)).isDirectory()).toBe(true);
  });

  it('goes without a spare when told, and a full load removes it', async () => {
    const db = await loaded();
    await expectSuccess('load', '--db', db, dirs.first, '--append');
    expect(existsSync(sparePath(db))).toBe(true);
    await expectSuccess('load', '--db', db, validFixture);
    expect(existsSync(sparePath(db))).toBe(false);
    await expectSuccess('load', '--db', db, dirs.first, '--append');
    await expectSuccess('load', '--db', db, dirs.second, '--append', '--no-spare');
    expect(existsSync(sparePath(db))).toBe(false);
    const { code, stderr } = await runTouchpoint('load', '--db', db, validFixture, '--no-spare');
    expect(code).toBe(2);
    expect(stderr).toMatch(/--no-spare: only with --append/);
  });
});
