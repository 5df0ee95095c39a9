import { DOUBLE, LIST, VARCHAR, listValue, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import type { MetricDefinition } from '../../catalog/metricCatalog';
import { bindTimestamp, type BoundQuery } from '../../db/boundQuery';
import type { TimeRange } from '@touchpoint/contract/src/timeRange';
import { QueryError } from '../queryError';
import { expandMetricCalls } from './expandMetricCalls';
import { catalogMetric, metricExpression } from './metricExpression';
import { parseInterval } from './parseInterval';
import { closingParen, literalEnd, splitArguments } from './sqlLexer';
import { macroNames } from '@touchpoint/contract/src/macros';
import {
  leadingVariableReference,
  referencedName,
  type VariableValue,
  type Variables,
} from '@touchpoint/contract/src/variables';

export const fillModes = ['null', 'zero', 'previous'] as const;
export type FillMode = (typeof fillModes)[number];

export interface ExpandContext {
  range: TimeRange;
  intervalMs: number;
  variables: Variables;
  metrics: ReadonlyMap<string, MetricDefinition>;
}

export interface ExpandedSql extends BoundQuery {
  /** Set by $__timeGroup(col, interval, fill): missing buckets are added after the query. */
  fill?: { intervalMs: number; mode: FillMode };
}

const parseFill = (text: string | undefined): FillMode | undefined => {
  if (text === undefined) {
    return undefined;
  }
  const value = text.replace(/^'|'$/g, '').toLowerCase();
  if (value === 'null') {
    return 'null';
  }
  if (value === '0') {
    return 'zero';
  }
  if (value === 'previous') {
    return 'previous';
  }
  throw new QueryError('bad_sql', `$__timeGroup fill must be NULL, 0 or previous, not ${text}`);
};

/**
 * Above this many values, `in ($var)` becomes a semi join with the list's
 * values; up to it, DuckDB's IN over the list itself. Membership in a list is
 * a scan of it per row, where the semi join builds a hash table once: at
 * scale 5, on 60,000 ratings, the list was faster up to 1,000 values (100:
 * 4.2 against 5.5 ms; the ratings awaiting follow-up with every branch
 * picked, where the join also changed the plan around the panel's top 500,
 * 15.4 against 21.5 ms) and slower at 10,000 (38 against 29 ms).
 */
export const LIST_MEMBERSHIP_MAX_VALUES = 1000;

/**
 * `in` and what follows it for a list variable's values, exactly the SQL
 * standard's IN over them. IN over a list answers NULL for a NULL left side
 * when the list is empty, where the standard says false (an empty set
 * contains nothing), so no values are an empty subquery, bound to nothing.
 */
const membership = (values: readonly unknown[], bindList: () => string): string => {
  if (values.length === 0) {
    return 'in (select null where false)';
  }
  return values.length <= LIST_MEMBERSHIP_MAX_VALUES ? `in ${bindList()}` : `in (select unnest(${bindList()}))`;
};

/**
 * Expands Grafana-style macros and binds dashboard variables as typed
 * parameters. Values never enter the SQL text: `$branch` becomes a
 * parameter, and `in ($branch)` with several values becomes
 * `in $v_branch` (membership in the bound list; see `membership`). Literals
 * and comments are left alone.
 */
export const expandSql = (sql: string, context: ExpandContext): ExpandedSql => {
  const params: Record<string, DuckDBValue> = {};
  const types: Record<string, DuckDBType> = {};
  let fill: ExpandedSql['fill'];
  const bind = (name: string, value: DuckDBValue, type: DuckDBType) => {
    params[name] = value;
    types[name] = type;
    return `$${name}`;
  };
  const from = () => {
    const b = bindTimestamp(context.range.from);
    return bind('__from', b.value, b.type);
  };
  const to = () => {
    const b = bindTimestamp(context.range.to);
    return bind('__to', b.value, b.type);
  };
  const intervalMsOf = (text: string) => {
    const trimmed = text.trim();
    if (trimmed === '$__interval' || trimmed.replace(/'/g, '') === 'auto') {
      return context.intervalMs;
    }
    const ms = parseInterval(trimmed);
    if (ms === null || ms <= 0) {
      throw new QueryError(
        'bad_sql',
        `$__timeGroup interval must look like '1h', '5m', '1d' or $__interval, not ${trimmed}`
      );
    }
    return ms;
  };
  const expect = (name: string, args: string[] | null, min: number, max: number): string[] => {
    const list = args ?? [];
    if (list.length < min || list.length > max || (min > 0 && list.some((a) => a === ''))) {
      throw new QueryError(
        'bad_sql',
        `$__${name} takes ${min === max ? min : `${min} to ${max}`} argument${max === 1 ? '' : 's'}, got ${list.length}`
      );
    }
    return list;
  };

  const macro = (name: string, args: string[] | null): string => {
    switch (name) {
      case 'timeFilter': {
        const [column] = expect(name, args, 1, 1);
        return `(${column} >= ${from()} and ${column} < ${to()})`;
      }
      case 'timeFrom':
      case 'from':
        expect(name, args, 0, 0);
        return from();
      case 'timeTo':
      case 'to':
        expect(name, args, 0, 0);
        return to();
      case 'timeGroup':
      case 'timeGroupAlias': {
        const [column, interval, fillText] = expect(name, args, 2, 3);
        const ms = intervalMsOf(interval);
        const mode = parseFill(fillText);
        if (mode) {
          fill = { intervalMs: ms, mode };
        }
        const bucket = `time_bucket(to_milliseconds(${ms}::bigint), ${column})`;
        return name === 'timeGroupAlias' ? `${bucket} as "time"` : bucket;
      }
      case 'interval':
        expect(name, args, 0, 0);
        return `to_milliseconds(${Math.round(context.intervalMs)}::bigint)`;
      case 'interval_ms':
        expect(name, args, 0, 0);
        return String(Math.round(context.intervalMs));
      case 'metric':
      case 'metricN': {
        const [metricName] = expect(name, args, 1, 1);
        const metric = catalogMetric(context.metrics, metricName.replace(/^'|'$/g, ''));
        return metricExpression(metric, name === 'metric' ? 'value' : 'n', `$__${name}(${metricName})`);
      }
      default:
        throw new QueryError('bad_sql', `unknown macro $__${name}; known: ${macroNames.join(', ')}`);
    }
  };

  const variableValue = (name: string): VariableValue => {
    if (!(name in context.variables)) {
      throw new QueryError('bad_variable', `the query uses $${name}, but no variable of that name was sent with it`);
    }
    return context.variables[name];
  };
  const bindVariable = (name: string, value: VariableValue): string => {
    const param = `v_${name}`;
    if (Array.isArray(value)) {
      if (value.length === 0) {
        // No values have no type: DuckDB's empty list literal takes the list type its use asks for, where
        // one bound as text fails against a number column. A constant: no value enters the SQL text.
        return '[]';
      }
      return bind(param, listValue(value), LIST(typeof value[0] === 'number' ? DOUBLE : VARCHAR));
    }
    return bind(param, value, typeof value === 'number' ? DOUBLE : VARCHAR);
  };

  let out = '';
  let i = 0;
  while (i < sql.length) {
    const end = literalEnd(sql, i);
    if (end !== -1) {
      out += sql.slice(i, end);
      i = end;
      continue;
    }
    const rest = sql.slice(i);
    const macroMatch = /^\$__([A-Za-z_]+)/.exec(rest);
    if (macroMatch) {
      let j = i + macroMatch[0].length;
      while (sql[j] === ' ') {
        j += 1;
      }
      if (sql[j] === '(') {
        const close = closingParen(sql, j);
        if (close === -1) {
          throw new QueryError('bad_sql', `$__${macroMatch[1]}( is never closed`);
        }
        out += macro(macroMatch[1], splitArguments(sql.slice(j + 1, close)));
        i = close + 1;
      } else {
        out += macro(macroMatch[1], null);
        i += macroMatch[0].length;
      }
      continue;
    }
    const variableMatch = leadingVariableReference.exec(rest);
    if (variableMatch) {
      const name = referencedName(variableMatch);
      const value = variableValue(name);
      const after = sql.slice(i + variableMatch[0].length);
      const inList = /\bin\s*\(\s*$/i.exec(out);
      const closes = /^\s*\)/.exec(after);
      if (Array.isArray(value) && inList && closes) {
        const test = membership(value, () => bindVariable(name, value));
        out = `${out.slice(0, out.length - inList[0].length)}${test}`;
        i += variableMatch[0].length + closes[0].length;
      } else {
        out += bindVariable(name, value);
        i += variableMatch[0].length;
      }
      continue;
    }
    out += sql[i];
    i += 1;
  }
  return { sql: expandMetricCalls(out, context.metrics), params, types, ...(fill ? { fill } : {}) };
};
