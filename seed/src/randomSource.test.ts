import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { openDatabase } from '@touchpoint/server/src/db/openDatabase';
import { readRows } from '@touchpoint/server/src/db/readRows';
import { randomSource } from './randomSource';

describe('randomSource', () => {
  let instance: DuckDBInstance;
  let connection: DuckDBConnection;

  beforeAll(async () => {
    instance = await openDatabase(':memory:');
    connection = await instance.connect();
  });

  afterAll(() => {
    connection.closeSync();
    instance.closeSync();
  });

  const sample = async (select: string, rows = 200_000) =>
    (await readRows(connection, `select ${select} from range(${rows}) as t(i)`))[0];

  it('draws uniforms in [0, 1) with the moments of a uniform', async () => {
    const random = randomSource(7);
    const u = random.uniform('test', 'i');
    const row = await sample(`min(${u}) as lo, max(${u}) as hi, avg(${u}) as mean, var_pop(${u}) as variance`);
    expect(row.lo).toBeGreaterThanOrEqual(0);
    expect(row.hi).toBeLessThan(1);
    expect(row.mean).toBeCloseTo(0.5, 2);
    expect(row.variance).toBeCloseTo(1 / 12, 2);
  });

  it('gives streams that are independent of each other and of neighbouring keys', async () => {
    const random = randomSource(7);
    const row = await sample(
      `corr(${random.uniform('a', 'i')}, ${random.uniform('b', 'i')}) as streams,
       corr(${random.uniform('a', 'i')}, ${random.uniform('a', 'i + 1')}) as neighbours`
    );
    expect(Math.abs(Number(row.streams))).toBeLessThan(0.01);
    expect(Math.abs(Number(row.neighbours))).toBeLessThan(0.01);
  });

  it('draws normals with mean 0 and standard deviation 1', async () => {
    const n = randomSource(7).normal('test', 'i');
    const row = await sample(`avg(${n}) as mean, stddev_pop(${n}) as sd, avg((${n} > 1.96)::integer) as upper_tail`);
    expect(row.mean).toBeCloseTo(0, 2);
    expect(row.sd).toBeCloseTo(1, 2);
    expect(row.upper_tail).toBeCloseTo(0.025, 2);
  });

  it('draws lognormals around the requested median', async () => {
    const x = randomSource(7).lognormal('test', 'i', 300, 0.8);
    const row = await sample(`median(${x}) as median`);
    expect(Number(row.median)).toBeGreaterThan(290);
    expect(Number(row.median)).toBeLessThan(310);
  });

  it('permutes keys without collisions', async () => {
    const p = randomSource(7).permute('ids', 'i', 16);
    const row = await sample(`count(distinct ${p}) as distinct_values, min(${p}) as lo, max(${p}) as hi`, 65_536);
    expect(row).toEqual({ distinct_values: 65_536, lo: 0, hi: 65_535 });
  });

  it('repeats its draws for the same seed and changes them for another', async () => {
    const row = await sample(
      `sum((${randomSource(1).uniform('s', 'i')} = ${randomSource(1).uniform('s', 'i')})::integer) as same,
       sum((${randomSource(1).uniform('s', 'i')} = ${randomSource(2).uniform('s', 'i')})::integer) as other`,
      1000
    );
    expect(row).toEqual({ same: 1000, other: 0 });
  });
});
