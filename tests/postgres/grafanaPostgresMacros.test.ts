// Cases from Grafana's own tests of its PostgreSQL macro engine
// (pkg/tsdb/grafana-postgresql-datasource/macros_test.go), its comment
// stripping and the examples of its PostgreSQL documentation, in our words.
import { formatGoFloat, parseGoDuration } from './goText';
import { formatGrafanaInterval, parseGrafanaInterval } from './grafanaInterval';
import { expandGrafanaPostgresMacros, GrafanaMacroError, type GrafanaQueryContext } from './grafanaPostgresMacros';
import { stripSqlComments } from './stripSqlComments';

const at = (iso: string) => new Date(iso);

/** Grafana's test range: 2018-04-12 18:00 to 18:05 UTC. */
const fiveMinutes: GrafanaQueryContext = {
  from: at('2018-04-12T18:00:00Z'),
  to: at('2018-04-12T18:05:00Z'),
  intervalMs: 1000,
};
const expand = (sql: string, context: Partial<GrafanaQueryContext> = {}) =>
  expandGrafanaPostgresMacros(sql, { ...fiveMinutes, ...context });

describe("Grafana's PostgreSQL macros, expanded as Grafana 13 expands them", () => {
  it('names a time column with $__time, even inside an aggregate', () => {
    expect(expand('select $__time(time_column)')).toBe('select time_column AS "time"');
    expect(expand('select min($__time(time_column))')).toBe('select min(time_column AS "time")');
  });

  it('turns $__timeEpoch into seconds since 1970 named time', () => {
    expect(expand('select $__timeEpoch(dateColumn)')).toBe('select extract(epoch from dateColumn) as "time"');
  });

  it('filters with BETWEEN two RFC 3339 UTC literals, and writes them alone for $__timeFrom() and $__timeTo()', () => {
    expect(expand('WHERE $__timeFilter(time_column)')).toBe(
      "WHERE time_column BETWEEN '2018-04-12T18:00:00Z' AND '2018-04-12T18:05:00Z'"
    );
    expect(expand('select $__timeFrom()')).toBe("select '2018-04-12T18:00:00Z'");
    expect(expand('select $__timeTo()')).toBe("select '2018-04-12T18:05:00Z'");
  });

  it('writes the example of Grafana’s documentation for $__timeFilter', () => {
    expect(expand('$__timeFilter(col)', { from: at('2017-04-21T05:01:17Z'), to: at('2017-04-21T05:06:17Z') })).toBe(
      "col BETWEEN '2017-04-21T05:01:17Z' AND '2017-04-21T05:06:17Z'"
    );
  });

  it('writes a fraction of a second with no trailing zeros, and ranges before 1970 as they are', () => {
    const context = { from: at('1960-02-01T07:00:00.500Z'), to: at('1980-02-03T08:00:00.500Z') };
    expect(expand('WHERE $__timeFilter(time_column)', context)).toBe(
      "WHERE time_column BETWEEN '1960-02-01T07:00:00.5Z' AND '1980-02-03T08:00:00.5Z'"
    );
    expect(
      expand('select $__unixEpochFilter(time)', { from: at('1960-02-01T07:00:00Z'), to: at('1965-02-03T08:00:00Z') })
    ).toBe('select time >= -312915600 AND time <= -154886400');
  });

  it('groups by whole seconds with floor(extract(epoch ...)), and adds the alias with $__timeGroupAlias', () => {
    expect(expand("SELECT $__timeGroup(time_column,'5m')")).toBe(
      'SELECT floor(extract(epoch from time_column)/300)*300'
    );
    expect(expand("SELECT $__timeGroupAlias(time_column,'5m')")).toBe(
      'SELECT floor(extract(epoch from time_column)/300)*300 AS "time"'
    );
    expect(expand("$__timeGroup(time_column , '5m')")).toBe('floor(extract(epoch from time_column)/300)*300');
  });

  it('aliases a $__timeGroup directly followed by a comma, as queries written before Grafana 5.3 expect', () => {
    expect(expand("SELECT $__timeGroup(time_column,'5m'), value")).toBe(
      'SELECT floor(extract(epoch from time_column)/300)*300 AS "time", value'
    );
    expect(expand("SELECT $__timeGroup(time_column,'5m') as time, value")).toBe(
      'SELECT floor(extract(epoch from time_column)/300)*300 as time, value'
    );
  });

  it('decides that alias by the first occurrence of the same call, as Grafana does', () => {
    expect(expand("select $__timeGroup(t,'1h') x, $__timeGroup(t,'1h'), y")).toBe(
      'select floor(extract(epoch from t)/3600)*3600 x, floor(extract(epoch from t)/3600)*3600, y'
    );
  });

  it('writes Go’s shortest float for intervals under a second', () => {
    expect(expand("$__timeGroup(t, '20ms')")).toBe('floor(extract(epoch from t)/0.02)*0.02');
    expect(expand("$__timeGroup(t, '50us')")).toBe('floor(extract(epoch from t)/5e-05)*5e-05');
  });

  it('measures days and weeks as 24-hour days, months and years on the calendar from now', () => {
    expect(expand("$__timeGroup(day, '1d')")).toBe('floor(extract(epoch from day)/86400)*86400');
    expect(expand("$__timeGroup(day, '2w')")).toBe('floor(extract(epoch from day)/1209600)*1209600');
    // 31 January plus a month is 2 March in a leap year: 31 days.
    expect(expand("$__timeGroup(day, '1M')", { now: at('2024-01-31T12:00:00Z') })).toBe(
      'floor(extract(epoch from day)/2678400)*2678400'
    );
  });

  it('uses time_bucket with three decimals when the datasource has TimescaleDB', () => {
    const timescale = { timescaledb: true };
    expect(expand("GROUP BY $__timeGroup(time_column,'5m')", timescale)).toBe(
      "GROUP BY time_bucket('300.000s',time_column)"
    );
    expect(expand("GROUP BY $__timeGroup(time_column , '12d')", timescale)).toBe(
      "GROUP BY time_bucket('1036800.000s',time_column)"
    );
    expect(expand("GROUP BY $__timeGroup(time_column , '20ms')", timescale)).toBe(
      "GROUP BY time_bucket('0.020s',time_column)"
    );
  });

  it('takes a fill of NULL, previous or a number, which changes no SQL', () => {
    for (const fill of ['0', 'NULL', 'previous', '1.5']) {
      expect(expand(`$__timeGroup(t, '5m', ${fill})`)).toBe('floor(extract(epoch from t)/300)*300');
    }
  });

  it('filters and groups Unix-second columns', () => {
    expect(expand('select $__unixEpochFilter(time)')).toBe('select time >= 1523556000 AND time <= 1523556300');
    expect(expand("SELECT $__unixEpochGroup(time_column+time_adjustment,'5m')")).toBe(
      'SELECT floor((time_column+time_adjustment)/300)*300'
    );
    expect(expand("SELECT $__unixEpochGroupAlias(time_column+time_adjustment,'5m')")).toBe(
      'SELECT floor((time_column+time_adjustment)/300)*300 AS "time"'
    );
    expect(expand('select $__unixEpochFrom(), $__unixEpochTo()')).toBe('select 1523556000, 1523556300');
  });

  it('filters nanosecond columns with the range in nanoseconds', () => {
    expect(expand('select $__unixEpochNanoFilter(time)')).toBe(
      'select time >= 1523556000000000000 AND time <= 1523556300000000000'
    );
    expect(expand('select $__unixEpochNanoFrom(), $__unixEpochNanoTo()')).toBe(
      'select 1523556000000000000, 1523556300000000000'
    );
  });

  it('writes the query’s interval for $__interval and $__interval_ms', () => {
    expect(expand('select $__interval, $__interval_ms', { intervalMs: 600_000 })).toBe('select 10m, 600000');
  });

  it('drops comments before expanding, so a macro in a comment is neither expanded nor sent', () => {
    expect(expand("SELECT 1 /*i='$__interval'*/", { intervalMs: 600_000 })).toBe('SELECT 1 ');
    expect(expand("SELECT 1 /*k='$__timeFilter(t'*/ WHERE (x = 1)")).toBe('SELECT 1  WHERE (x = 1)');
    expect(expand('select 1 -- $__metric(csat)\nfrom t')).toBe('select 1 \nfrom t');
  });

  it("refuses Touchpoint's $__metric as an unknown macro, with Grafana's message", () => {
    const attempt = () => expand('select $__metric(csat) from agg_interaction_daily');
    expect(attempt).toThrow(GrafanaMacroError);
    expect(attempt).toThrow('unknown macro "__metric"');
    expect(() => expand('select $__metricN(csat)')).toThrow('unknown macro "__metricN"');
  });

  it('refuses a group without an interval, an interval it cannot read and a fill that is no number', () => {
    expect(() => expand('$__timeGroup(t)')).toThrow(
      'macro __timeGroup needs time column and interval and optional fill value'
    );
    expect(() => expand("$__timeGroup(t, 'five')")).toThrow("error parsing interval 'five'");
    expect(() => expand("$__timeGroup(t, '1.5d')")).toThrow("error parsing interval '1.5d'");
    expect(() => expand("$__timeGroup(t, '5m', zero)")).toThrow('error parsing fill value zero');
  });

  it("leaves metric('csat'), a plain function call, for the server", () => {
    expect(expand("select metric('csat'), metric_n('csat') from agg_interaction_daily")).toBe(
      "select metric('csat'), metric_n('csat') from agg_interaction_daily"
    );
  });
});

describe("Grafana's comment stripping", () => {
  it.each([
    ['SELECT 1 -- a comment', 'SELECT 1 '],
    ['SELECT /* a comment */ 1', 'SELECT  1'],
    ['SELECT /*\n  multiline\n  comment\n*/ 1', 'SELECT  1'],
    ["SELECT '-- not a comment' AS label", "SELECT '-- not a comment' AS label"],
    ["SELECT '/* not a comment */' AS label", "SELECT '/* not a comment */' AS label"],
    ['SELECT "col -- name" FROM t', 'SELECT "col -- name" FROM t'],
    ["SELECT 'it''s fine -- not a comment' AS v", "SELECT 'it''s fine -- not a comment' AS v"],
    ['SELECT "col ""-- name""" FROM t', 'SELECT "col ""-- name""" FROM t'],
    ["SELECT '-- in string' AS a -- real comment", "SELECT '-- in string' AS a "],
    ['SELECT 1 -- comment\nFROM t', 'SELECT 1 \nFROM t'],
    ['SELECT $$ -- not a comment $$', 'SELECT $$ -- not a comment $$'],
    ['SELECT $body$ -- not a comment $body$', 'SELECT $body$ -- not a comment $body$'],
    ['SELECT $__timeFrom() -- comment', 'SELECT $__timeFrom() '],
    ['SELECT $1 -- comment', 'SELECT $1 '],
  ])('turns %j into %j', (input, output) => {
    expect(stripSqlComments(input)).toBe(output);
  });
});

describe("Go's and Grafana's interval texts", () => {
  it("reads Go durations to the nanosecond and refuses what Go's time.ParseDuration refuses", () => {
    expect(parseGoDuration('1h30m')).toBe(5_400_000_000_000n);
    expect(parseGoDuration('1.5s')).toBe(1_500_000_000n);
    expect(parseGoDuration('300ms')).toBe(300_000_000n);
    expect(parseGoDuration('0')).toBe(0n);
    expect(() => parseGoDuration('5')).toThrow('missing unit');
    expect(() => parseGoDuration('1d')).toThrow('unknown unit "d"');
  });

  it('formats $__interval in the largest whole unit, and at least 1ms', () => {
    expect(formatGrafanaInterval(90_000_000_000n)).toBe('1m');
    expect(formatGrafanaInterval(86_400_000_000_000n)).toBe('1d');
    expect(formatGrafanaInterval(2n * 365n * 86_400_000_000_000n)).toBe('2y');
    expect(formatGrafanaInterval(500_000n)).toBe('1ms');
  });

  it("writes floats as Go's %v does", () => {
    expect([300, 0.02, 0.0001, 0.00001, 1e21, 86400].map(formatGoFloat)).toEqual([
      '300',
      '0.02',
      '0.0001',
      '1e-05',
      '1e+21',
      '86400',
    ]);
  });

  it('counts a week from now as seven 24-hour days', () => {
    expect(parseGrafanaInterval('1w', new Date('2024-03-30T12:00:00Z'))).toBe(7n * 86_400_000_000_000n);
  });
});
