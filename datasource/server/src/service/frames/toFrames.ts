import type { DataFrameJSON, FieldJSON } from '@touchpoint/contract/src/dataFrame';
import type { PlainValue } from '../../db/plainValue';
import { QueryError } from '../queryError';
import type { FillMode } from '../sql/expandSql';
import type { ColumnarResult } from './readFrame';

export interface FrameOptions {
  refId: string;
  /** The SQL that ran, shown in Grafana's query inspector. */
  executedQueryString?: string;
  notices?: Array<{ severity: 'info' | 'warning' | 'error'; text: string }>;
  custom?: Record<string, unknown>;
}

const meta = (result: ColumnarResult, options: FrameOptions) => {
  const notices = [...(options.notices ?? [])];
  if (result.truncated) {
    notices.push({
      severity: 'warning',
      text: `Result cut at ${result.rows} rows by the service's row or size limit.`,
    });
  }
  return {
    ...(options.executedQueryString ? { executedQueryString: options.executedQueryString } : {}),
    ...(notices.length > 0 ? { notices } : {}),
    custom: { ...options.custom, truncated: result.truncated },
  };
};

/** The result as one table frame, columns as they came. */
export const tableFrame = (result: ColumnarResult, options: FrameOptions): DataFrameJSON => ({
  schema: {
    refId: options.refId,
    meta: { ...meta(result, options), preferredVisualisationType: 'table' },
    fields: result.names.map((name, i) => ({ name, type: result.types[i] })),
  },
  data: { values: result.columns },
});

const fillSeries = (
  times: number[],
  values: PlainValue[][],
  fill: { intervalMs: number; mode: FillMode },
  from: number,
  to: number
) => {
  if (times.length === 0) {
    return { times, values };
  }
  // Anchor on a bucket the query produced, so the grid matches its alignment.
  let start = times[0];
  while (start - fill.intervalMs >= from) {
    start -= fill.intervalMs;
  }
  const at = new Map(times.map((t, i) => [t, i]));
  const outTimes: number[] = [];
  const outValues: PlainValue[][] = values.map(() => []);
  for (let t = start; t < to; t += fill.intervalMs) {
    const row = at.get(t);
    outTimes.push(t);
    values.forEach((column, c) => {
      if (row !== undefined) {
        outValues[c].push(column[row]);
      } else if (fill.mode === 'zero') {
        outValues[c].push(0);
      } else if (fill.mode === 'previous') {
        outValues[c].push(outValues[c].length > 0 ? outValues[c][outValues[c].length - 1] : null);
      } else {
        outValues[c].push(null);
      }
    });
  }
  return { times: outTimes, values: outValues };
};

/**
 * The result as time series: the time field first and sorted, and, when the
 * result is long (text columns beside the numbers), one frame per series
 * with the text columns as labels, as Grafana's SQL datasources do.
 */
export const timeSeriesFrames = (
  result: ColumnarResult,
  options: FrameOptions & { fill?: { intervalMs: number; mode: FillMode }; range: { from: number; to: number } }
): DataFrameJSON[] => {
  const timeIndex = result.types.indexOf('time');
  if (timeIndex === -1) {
    throw new QueryError(
      'bad_sql',
      `format "time series" needs a time column (a timestamp or date); this query returns ${result.names.join(', ')}. Use format "table" instead.`
    );
  }
  const labelIndexes = result.types.flatMap((t, i) => (t === 'string' && i !== timeIndex ? [i] : []));
  const valueIndexes = result.types.flatMap((t, i) => (t !== 'string' && i !== timeIndex ? [i] : []));
  const series = new Map<string, number[]>();
  for (let r = 0; r < result.rows; r += 1) {
    const key = JSON.stringify(labelIndexes.map((i) => result.columns[i][r]));
    const rows = series.get(key) ?? [];
    rows.push(r);
    series.set(key, rows);
  }
  if (series.size === 0) {
    series.set('[]', []);
  }
  return [...series.entries()].map(([key, rows]) => {
    const labelValues = JSON.parse(key) as PlainValue[];
    const labels = Object.fromEntries(labelIndexes.map((i, k) => [result.names[i], String(labelValues[k] ?? '')]));
    const sorted = [...rows].sort(
      (a, b) => Number(result.columns[timeIndex][a]) - Number(result.columns[timeIndex][b])
    );
    let times = sorted.map((r) => Number(result.columns[timeIndex][r]));
    let values = valueIndexes.map((i) => sorted.map((r) => result.columns[i][r]));
    if (options.fill) {
      ({ times, values } = fillSeries(times, values, options.fill, options.range.from, options.range.to));
    }
    const fields: FieldJSON[] = [
      { name: result.names[timeIndex], type: 'time' },
      ...valueIndexes.map((i) => ({
        name: result.names[i],
        type: result.types[i],
        ...(labelIndexes.length > 0 ? { labels } : {}),
      })),
    ];
    return {
      schema: { refId: options.refId, meta: { ...meta(result, options), type: 'timeseries-multi' }, fields },
      data: { values: [times, ...values] },
    };
  });
};
