import { formatGoFloat, formatRfc3339Nano, goDurationSeconds, goUnixNanos, goUnixSeconds } from './goText';
import { formatGrafanaInterval, parseGrafanaInterval } from './grafanaInterval';
import { stripSqlComments } from './stripSqlComments';

/**
 * What Grafana's PostgreSQL datasource knows when it expands a query: the
 * query's time range, its interval, and the datasource's TimescaleDB switch.
 */
export interface GrafanaQueryContext {
  from: Date;
  to: Date;
  /** The query's interval ($__interval); alert rules send their model's intervalMs (1000 unless set). */
  intervalMs: number;
  timescaledb?: boolean;
  /**
   * The wall clock Grafana measures '1M' and '1y' group intervals from.
   * Defaults to `to`, which is the evaluation time of an alert rule whose
   * range ends now.
   */
  now?: Date;
}

/**
 * A macro Grafana refuses; the message is Grafana's own error text (the
 * query's error reads "interpolation failed: " and then it).
 */
export class GrafanaMacroError extends Error {
  override name = 'GrafanaMacroError';
}

/** Grafana's macro pattern: `$name(` up to the first `)`, so an argument cannot hold a parenthesis. */
const MACRO_CALL = /\$([_a-zA-Z0-9]+)\(([^)]*)\)/g;

/** Go's strconv.ParseFloat for the fill value: decimal or hexadecimal floats, Inf and NaN. */
const GO_FLOAT =
  /^[+-]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|0[xX](?:[0-9a-fA-F]+(?:\.[0-9a-fA-F]*)?|\.[0-9a-fA-F]+)[pP][+-]?\d+|inf(?:inity)?|nan)$/i;

/** `sqleng.SetupFillmode`: the fill of $__timeGroup(col, interval, fill) is NULL, previous or a number. */
const checkFill = (fill: string) => {
  if (fill !== 'NULL' && fill !== 'previous' && !GO_FLOAT.test(fill)) {
    throw new GrafanaMacroError(`error parsing fill value ${fill}`);
  }
};

/** The global substitutions every Grafana SQL datasource makes first, as plain text replacements. */
const interpolateGlobal = (sql: string, context: GrafanaQueryContext): string => {
  const intervalNanos = BigInt(Math.trunc(context.intervalMs * 1e6));
  return sql
    .replaceAll('$__interval_ms', String(intervalNanos / 1_000_000n))
    .replaceAll('$__interval', formatGrafanaInterval(intervalNanos))
    .replaceAll('$__unixEpochFrom()', String(goUnixSeconds(context.from)))
    .replaceAll('$__unixEpochTo()', String(goUnixSeconds(context.to)));
};

const evaluateMacro = (name: string, args: string[], context: GrafanaQueryContext): string => {
  const { from, to } = context;
  // Grafana splits on commas, so there is always at least one argument, maybe empty.
  const [column] = args;
  const groupSeconds = () => {
    if (args.length < 2) {
      throw new GrafanaMacroError(`macro ${name} needs time column and interval and optional fill value`);
    }
    let nanos: bigint;
    try {
      nanos = parseGrafanaInterval(args[1].replace(/^'+|'+$/g, ''), context.now ?? to);
    } catch (error) {
      throw new GrafanaMacroError(`error parsing interval ${args[1]}`, { cause: error });
    }
    if (args.length === 3) {
      checkFill(args[2]);
    }
    return nanos;
  };
  switch (name) {
    case '__time':
      return `${column} AS "time"`;
    case '__timeEpoch':
      return `extract(epoch from ${column}) as "time"`;
    case '__timeFilter':
      return `${column} BETWEEN '${formatRfc3339Nano(from)}' AND '${formatRfc3339Nano(to)}'`;
    case '__timeFrom':
      return `'${formatRfc3339Nano(from)}'`;
    case '__timeTo':
      return `'${formatRfc3339Nano(to)}'`;
    case '__timeGroup': {
      const seconds = goDurationSeconds(groupSeconds());
      if (context.timescaledb) {
        return `time_bucket('${seconds.toFixed(3)}s',${column})`;
      }
      const text = formatGoFloat(seconds);
      return `floor(extract(epoch from ${column})/${text})*${text}`;
    }
    case '__timeGroupAlias':
      return `${evaluateMacro('__timeGroup', args, context)} AS "time"`;
    case '__unixEpochFilter':
      return `${column} >= ${goUnixSeconds(from)} AND ${column} <= ${goUnixSeconds(to)}`;
    case '__unixEpochNanoFilter':
      return `${column} >= ${goUnixNanos(from)} AND ${column} <= ${goUnixNanos(to)}`;
    case '__unixEpochNanoFrom':
      return String(goUnixNanos(from));
    case '__unixEpochNanoTo':
      return String(goUnixNanos(to));
    case '__unixEpochGroup': {
      const text = formatGoFloat(goDurationSeconds(groupSeconds()));
      return `floor((${column})/${text})*${text}`;
    }
    case '__unixEpochGroupAlias':
      return `${evaluateMacro('__unixEpochGroup', args, context)} AS "time"`;
    default:
      throw new GrafanaMacroError(`unknown macro "${name}"`);
  }
};

/**
 * Grafana's PostgreSQL datasource's query expansion, in its order: the
 * global `$__interval_ms`, `$__interval`, `$__unixEpochFrom()` and
 * `$__unixEpochTo()`, then comments removed, then every `$name(args)` call
 * replaced by literal SQL. The first macro Grafana refuses (an unknown name
 * such as Touchpoint's `$__metric`, a bad interval or fill) throws a
 * GrafanaMacroError with Grafana's message.
 *
 * One quirk kept from Grafana (for queries written before 5.3): a
 * `$__timeGroup(...)` whose first occurrence in the query is directly
 * followed by a comma gets ` AS "time"`, like `$__timeGroupAlias`.
 */
export const expandGrafanaPostgresMacros = (rawSql: string, context: GrafanaQueryContext): string => {
  const sql = stripSqlComments(interpolateGlobal(rawSql, context));
  return sql.replace(MACRO_CALL, (call: string, name: string, params: string) => {
    let macro = name;
    if (macro === '__timeGroup') {
      const first = sql.indexOf(call);
      if (sql[first + call.length] === ',') {
        macro = '__timeGroupAlias';
      }
    }
    const args = params.split(',').map((arg) => arg.replace(/^ +| +$/g, ''));
    return evaluateMacro(macro, args, context);
  });
};
