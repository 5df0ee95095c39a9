import { DuckDBInstance, INTEGER, LIST, VARCHAR, listValue } from '@duckdb/node-api';
import fc from 'fast-check';
import { readCatalogFile } from '../../catalog/metricCatalog';
import { QueryError } from '../queryError';
import { LIST_MEMBERSHIP_MAX_VALUES, expandSql, type ExpandContext } from './expandSql';

const metrics = new Map(readCatalogFile().map((m) => [m.name, m]));
const context = (overrides: Partial<ExpandContext> = {}): ExpandContext => ({
  range: { from: Date.UTC(2024, 0, 1), to: Date.UTC(2024, 1, 1) },
  intervalMs: 3_600_000,
  variables: {},
  metrics,
  ...overrides,
});

const errorOf = (fn: () => unknown): QueryError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof QueryError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a QueryError');
};

describe('expandSql', () => {
  it('turns $__timeFilter into a half-open range over bound timestamps', () => {
    const { sql, params } = expandSql('select * from fct_interactions where $__timeFilter(opened_at)', context());
    expect(sql).toBe('select * from fct_interactions where (opened_at >= $__from and opened_at < $__to)');
    expect(Object.keys(params).sort()).toEqual(['__from', '__to']);
    expect(String(params.__from)).toBe('2024-01-01 00:00:00');
  });

  it('buckets with $__timeGroup by a fixed interval, $__interval or auto, and records the fill', () => {
    expect(expandSql("select $__timeGroup(opened_at, '1d') as t", context()).sql).toBe(
      'select time_bucket(to_milliseconds(86400000::bigint), opened_at) as t'
    );
    expect(expandSql('select $__timeGroupAlias(opened_at, $__interval)', context()).sql).toBe(
      'select time_bucket(to_milliseconds(3600000::bigint), opened_at) as "time"'
    );
    expect(expandSql('select $__timeGroup(opened_at, 5m, 0)', context()).fill).toEqual({
      intervalMs: 300_000,
      mode: 'zero',
    });
    expect(expandSql("select $__timeGroup(opened_at, '1h', previous)", context()).fill).toEqual({
      intervalMs: 3_600_000,
      mode: 'previous',
    });
  });

  it('expands $__metric to the catalog formula with summed components', () => {
    expect(expandSql('select branch_id, $__metric(csat) from agg_interaction_daily group by 1', context()).sql).toBe(
      'select branch_id, (100.0 * sum("csat_satisfied") / nullif(sum("csat_rated"), 0)) from agg_interaction_daily group by 1'
    );
    expect(expandSql('select $__metricN(sli)', context()).sql).toBe('select (sum("sli_n"))');
  });

  it('refuses $__metric for stock metrics and names the alternative', () => {
    expect(errorOf(() => expandSql('select $__metric(churn_rate)', context())).message).toMatch(/metric query/);
  });

  it('names an unknown metric and an unknown macro', () => {
    expect(errorOf(() => expandSql('select $__metric(happiness)', context())).code).toBe('unknown_metric');
    expect(errorOf(() => expandSql('select $__nonsense()', context())).message).toMatch(/unknown macro \$__nonsense/);
  });

  it('binds single, multi-value and numeric variables as parameters, never as text', () => {
    const expanded = expandSql(
      'select * from t where branch_id = $branch and region in ($region) and n > ${min} and c = [[channel]]',
      context({ variables: { branch: "B1' or 1=1 --", region: ['North', 'South'], min: 30, channel: 'phone' } })
    );
    expect(expanded.sql).toBe(
      'select * from t where branch_id = $v_branch and region in $v_region and n > $v_min and c = $v_channel'
    );
    expect(String(expanded.params.v_branch)).toBe("B1' or 1=1 --");
    expect(expanded.params.v_min).toBe(30);
  });

  it('leaves $ inside strings, quoted identifiers and comments alone', () => {
    const sql = `select '$branch' as a, "$__timeFilter(x)" -- $branch\n/* $__metric(sli) */ from t`;
    expect(expandSql(sql, context()).sql).toBe(sql);
  });

  it('names a variable the request did not send', () => {
    const error = errorOf(() => expandSql('select $branch', context()));
    expect(error.code).toBe('bad_variable');
    expect(error.message).toMatch(/\$branch/);
  });

  it('rejects malformed macro calls with the macro named', () => {
    expect(errorOf(() => expandSql('select $__timeFilter()', context())).message).toMatch(
      /\$__timeFilter takes 1 argument/
    );
    expect(errorOf(() => expandSql('select $__timeFilter(a', context())).message).toMatch(/never closed/);
    expect(errorOf(() => expandSql("select $__timeGroup(a, 'soon')", context())).message).toMatch(/interval/);
  });

  describe('with hostile input (property tests)', () => {
    let connection: Awaited<ReturnType<DuckDBInstance['connect']>>;
    beforeAll(async () => {
      connection = await (await DuckDBInstance.create(':memory:')).connect();
    });

    it('never lets a variable value change the SQL text, and the value round-trips through DuckDB', async () => {
      await fc.assert(
        fc.asyncProperty(fc.string(), fc.array(fc.string(), { maxLength: 5 }), async (single, many) => {
          const expanded = expandSql(
            'select $one as one, list_sort(list(x)) as many from (select unnest($many) as x) where x in ($many)',
            context({ variables: { one: single, many } })
          );
          expect(expanded.sql).toBe(
            many.length > 0
              ? 'select $v_one as one, list_sort(list(x)) as many from (select unnest($v_many) as x) where x in $v_many'
              : // No values: the empty list literal, and an empty subquery for `in`, neither bound.
                'select $v_one as one, list_sort(list(x)) as many from (select unnest([]) as x) where x in (select null where false)'
          );
          const rows = (
            await connection.runAndReadAll(expanded.sql, expanded.params, expanded.types)
          ).getRowObjectsJS();
          if (many.length > 0) {
            expect(rows[0].one).toBe(single);
          }
        }),
        { numRuns: 150 }
      );
    });

    it('answers `in ($var)` and `not in ($var)` as the SQL standard does, for any list and NULLs on the left', async () => {
      const standard = (sql: string) => sql.replace(/in \(\$(\w+)\)/g, 'in (select unnest($v_$1))');
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.option(fc.constantFrom('a', 'b', 'c', "it's"), { nil: null }), { maxLength: 6 }),
          fc.array(fc.constantFrom('a', 'b', 'd', "it's"), { maxLength: 4 }),
          fc.array(fc.option(fc.integer({ min: -2, max: 2 }), { nil: null }), { maxLength: 6 }),
          fc.array(fc.integer({ min: -2, max: 2 }), { maxLength: 4 }),
          async (texts, picked, numbers, pickedNumbers) => {
            const literal = (v: string | number | null) =>
              v === null ? 'null' : typeof v === 'number' ? String(v) : `'${v.replace(/'/g, "''")}'`;
            const sql =
              'select t.x, t.x in ($picked) as is_in, t.x not in ($picked) as not_in, n.y in ($numbers) as n_in, ' +
              'n.y not in ($numbers) as n_not_in ' +
              `from (select unnest([${texts.map(literal).join(', ')}]::varchar[]) as x) as t, ` +
              `(select unnest([${numbers.map(literal).join(', ')}]::integer[]) as y) as n ` +
              'order by all';
            const expanded = expandSql(sql, context({ variables: { picked, numbers: pickedNumbers } }));
            // The standard's answer: a semi join with the values, what every expansion gave before, the lists
            // bound typed as their columns (the semi join unnests them, so even an empty one needs a type).
            const reference = await connection.runAndReadAll(
              standard(sql),
              { v_picked: listValue(picked), v_numbers: listValue(pickedNumbers) },
              { v_picked: LIST(VARCHAR), v_numbers: LIST(INTEGER) }
            );
            const answer = await connection.runAndReadAll(expanded.sql, expanded.params, expanded.types);
            expect(answer.getRowObjectsJson()).toEqual(reference.getRowObjectsJson());
          }
        ),
        { numRuns: 200 }
      );
    });

    it('keeps a semi join for a list longer than membership in a list is fast for, and binds no values for an empty one', () => {
      const long = Array.from({ length: LIST_MEMBERSHIP_MAX_VALUES + 1 }, (_, i) => `B${i}`);
      const at = (values: string[]) =>
        expandSql('select 1 from t where b in ($b)', context({ variables: { b: values } })).sql;
      expect(at([])).toBe('select 1 from t where b in (select null where false)');
      expect(at(long)).toBe('select 1 from t where b in (select unnest($v_b))');
      expect(at(long.slice(1))).toBe('select 1 from t where b in $v_b');
    });

    it('either expands or fails with a QueryError for any text inside a macro, never anything else', () => {
      fc.assert(
        fc.property(
          fc.constantFrom('timeFilter', 'timeGroup', 'metric', 'timeFrom', 'interval'),
          fc.string(),
          (name, args) => {
            try {
              expandSql(`select $__${name}(${args})`, context());
            } catch (error) {
              expect(error).toBeInstanceOf(QueryError);
            }
          }
        ),
        { numRuns: 500 }
      );
    });
  });
});
