import { rawTables } from './exportRawTables';
import { seededDatabase, type SeededDatabase } from './testing/seededDatabase';

/** An order-independent fingerprint of a table's content. */
const contentHashes = async (db: SeededDatabase): Promise<Record<string, string>> => {
  const hashes: Record<string, string> = {};
  for (const table of rawTables) {
    const [row] = await db.rows(`select bit_xor(hash(t::varchar))::varchar as h, count(*) as n from raw.${table} as t`);
    hashes[table] = `${row.h}/${row.n}`;
  }
  return hashes;
};

const seededHashes = async (seed: number, { scale = 0.02, threads }: { scale?: number; threads?: number } = {}) => {
  const db = await seededDatabase({ scale, seed }, threads);
  try {
    return await contentHashes(db);
  } finally {
    db.close();
  }
};

describe('seedRawTables', () => {
  it('writes identical tables for the same seed, whatever the thread count', async () => {
    // large enough for the contacts to span several row groups, which DuckDB
    // then spreads over its threads in an order that varies from run to run
    const singleThreaded = await seededHashes(11, { scale: 0.3, threads: 1 });
    const parallel = await seededHashes(11, { scale: 0.3, threads: 2 });
    expect(parallel).toEqual(singleThreaded);
  });

  it('writes different tables for another seed', async () => {
    const one = await seededHashes(11);
    const other = await seededHashes(12);
    for (const table of rawTables) {
      expect(other[table]).not.toEqual(one[table]);
    }
  });

  it('grows every table about linearly with the scale', async () => {
    const small = await seededDatabase({ scale: 0.02, seed: 5 });
    const double = await seededDatabase({ scale: 0.04, seed: 5 });
    try {
      expect(small.counts.customers).toBe(1000);
      expect(double.counts.customers).toBe(2000);
      for (const table of ['interactions', 'responses', 'followups'] as const) {
        const ratio = double.counts[table] / small.counts[table];
        expect(ratio).toBeGreaterThan(1.7);
        expect(ratio).toBeLessThan(2.3);
      }
    } finally {
      small.close();
      double.close();
    }
  });

  it('has about 500k interactions and 1M responses at scale 1, scaled down', async () => {
    const db = await seededDatabase({ scale: 0.1, seed: 1 });
    try {
      expect(db.counts.interactions / 0.1).toBeGreaterThan(400_000);
      expect(db.counts.interactions / 0.1).toBeLessThan(600_000);
      expect(db.counts.responses / 0.1).toBeGreaterThan(800_000);
      expect(db.counts.responses / 0.1).toBeLessThan(1_200_000);
    } finally {
      db.close();
    }
  });

  it('keeps at least three branches and grows them with the scale', async () => {
    const tiny = await seededDatabase({ scale: 0.02, seed: 5 });
    const larger = await seededDatabase({ scale: 0.5, seed: 5 });
    try {
      expect(tiny.counts.branches).toBe(3);
      expect(larger.counts.branches).toBe(10);
    } finally {
      tiny.close();
      larger.close();
    }
  });

  it('leaves no work tables behind', async () => {
    const db = await seededDatabase({ scale: 0.02, seed: 5 });
    try {
      expect(await db.scalar("select count(*) from duckdb_tables() where table_name like 'seed_%'")).toBe(0);
      expect(await db.scalar("select current_setting('preserve_insertion_order')::integer")).toBe(1);
    } finally {
      db.close();
    }
  });
});
