import { FieldType, type DataFrame } from '@grafana/data';
import { messages } from '../messages';
import { seriesLabelText } from './branchNames';
import { frameStamp, metricFieldOf, numberAt, type MetricInfo } from './metricField';
import { smallestGap } from './smallestGap';

const DAY = 86_400_000;

/** One bucket of a series: its value (null when nothing was rated) and the responses behind it. */
export interface TrendSample {
  time: number;
  value: number | null;
  n: number;
  /** n under the service's minimum: drawn, but marked as not to be trusted. */
  lowConfidence: boolean;
}

/** One frame's series: a branch, a channel, or the whole selection. */
export interface TrendLine {
  /** Unique within the model: refId and labels. */
  key: string;
  /** The frame's label values (a branch by its name, a channel…), or the metric label when the frame has none. */
  name: string;
  /** The label values with a branch's id and region, where the name left them out: the line's hover text. */
  title?: string;
  labels: Record<string, string>;
  points: TrendSample[];
}

/** One metric's lines: a chart (interaction level) or an overlay (relationship level). */
export interface TrendSeries {
  metric: MetricInfo;
  lines: TrendLine[];
}

export interface TrendChart extends TrendSeries {
  /** Responses per bucket summed over the chart's lines: the light bars along the bottom. */
  responses: Array<{ time: number; n: number }>;
}

export interface TrendModel {
  /** Interaction-level metrics, one chart each, stacked on one time axis, in query order. */
  charts: TrendChart[];
  /** Relationship-level metrics drawn on every chart's right axis; all share one unit. */
  overlays: TrendSeries[];
  /** Relationship metrics left off because their unit differs from the right axis's. */
  skippedOverlays: string[];
  /** First and last bucket over charts and overlays. */
  timeRange: { from: number; to: number };
  /** The width of one bucket. */
  step: number;
  minN?: number;
  asOf?: number;
}

export type TrendResult = { model: TrendModel } | { problem: string };

interface FrameSeries {
  metric: MetricInfo;
  refId: string;
  line: TrendLine;
}

const intervalStep: Record<string, number> = { day: DAY, week: 7 * DAY, month: 30 * DAY };

const seriesOf = (frame: DataFrame, answer: DataFrame[], minN: number | undefined): FrameSeries | undefined => {
  const time = frame.fields.find((field) => field.type === FieldType.time);
  const value = metricFieldOf(frame, answer);
  if (!time || !value) {
    return undefined;
  }
  const n = frame.fields.find((field) => field.name === 'n' && field.type === FieldType.number);
  const labels = { ...(value.field.labels ?? {}) };
  const points = time.values
    .map((t, i): TrendSample => {
      const count = numberAt(n, i) ?? 0;
      return {
        time: Number(t),
        value: numberAt(value.field, i),
        n: count,
        lowConfidence: minN !== undefined && count < minN,
      };
    })
    .sort((a, b) => a.time - b.time);
  const text = seriesLabelText(labels);
  const refId = frame.refId ?? '';
  return {
    metric: value.info,
    refId,
    line: {
      key: JSON.stringify([refId, labels]),
      name: text.name.length > 0 ? text.name.join(' · ') : value.info.label,
      ...(text.ids.join(' · ') !== text.name.join(' · ') ? { title: text.ids.join(' · ') } : {}),
      labels,
      points,
    },
  };
};

/** Frames of one metric to one series; a name two queries share gets its refId so legends stay unambiguous. */
const groupByMetric = (series: FrameSeries[]): TrendSeries[] => {
  const byMetric = new Map<string, { metric: MetricInfo; entries: FrameSeries[] }>();
  for (const entry of series) {
    const group = byMetric.get(entry.metric.metric) ?? { metric: entry.metric, entries: [] };
    if (!group.entries.some((other) => other.line.key === entry.line.key)) {
      group.entries.push(entry);
    }
    byMetric.set(entry.metric.metric, group);
  }
  return [...byMetric.values()].map(({ metric, entries }) => ({
    metric,
    lines: entries.map(({ refId, line }) =>
      entries.filter((other) => other.line.name === line.name).length > 1
        ? { ...line, name: `${line.name} (${refId})` }
        : line
    ),
  }));
};

const responsesOf = (lines: TrendLine[]): TrendChart['responses'] => {
  const byTime = new Map<number, number>();
  for (const line of lines) {
    for (const point of line.points) {
      byTime.set(point.time, (byTime.get(point.time) ?? 0) + point.n);
    }
  }
  return [...byTime.entries()].sort(([a], [b]) => a - b).map(([time, n]) => ({ time, n }));
};

const problemFor = (frames: DataFrame[], overlays: TrendSeries[]): string => {
  // Any interaction frame left here has no time field: a whole-range query.
  const wholeRange = frames.flatMap((frame) => {
    const value = metricFieldOf(frame, frames);
    return value?.info.level === 'interaction' ? [value.info.label] : [];
  });
  const reasons = [
    ...(wholeRange.length > 0 ? [messages.trend.noInterval([...new Set(wholeRange)].join(', '))] : []),
    ...(overlays.length > 0
      ? [messages.trend.onlyOverlays(overlays.map((overlay) => overlay.metric.label).join(', '))]
      : []),
  ];
  return [messages.trend.needsQuery, ...reasons].join(' ');
};

/**
 * Frames to the CSAT / CES trend: every interaction-level time series
 * becomes a line on its metric's chart (CSAT and CES have different
 * scales, so each metric gets its own chart on a shared time axis), and
 * relationship-level time series (SLI, NPS) become overlays on a second,
 * labelled axis, never lines of the interaction charts.
 */
export const readTrendCharts = (frames: DataFrame[]): TrendResult => {
  const { minN, asOf } = frameStamp(frames);
  const series = frames
    .map((frame) => seriesOf(frame, frames, minN))
    .filter((entry): entry is FrameSeries => entry !== undefined);
  const charts = groupByMetric(series.filter((entry) => entry.metric.level === 'interaction')).map(
    (group): TrendChart => ({ ...group, responses: responsesOf(group.lines) })
  );
  const relationship = groupByMetric(series.filter((entry) => entry.metric.level === 'relationship'));
  if (charts.length === 0) {
    return { problem: problemFor(frames, relationship) };
  }

  // One right axis can carry only one unit; the first overlay's wins.
  const axisUnit = relationship[0]?.metric.unit;
  const overlays = relationship.filter((overlay) => overlay.metric.unit === axisUnit);
  const skippedOverlays = relationship
    .filter((overlay) => overlay.metric.unit !== axisUnit)
    .map((overlay) => overlay.metric.label);

  const times = [...charts, ...overlays].flatMap((group) =>
    group.lines.flatMap((line) => line.points.map((point) => point.time))
  );
  const interval = frames
    .map((frame) => (frame.meta?.custom as { interval?: unknown } | undefined)?.interval)
    .find((value) => typeof value === 'string');
  return {
    model: {
      charts,
      overlays,
      skippedOverlays,
      timeRange:
        times.length > 0
          ? times.reduce((range, t) => ({ from: Math.min(range.from, t), to: Math.max(range.to, t) }), {
              from: times[0],
              to: times[0],
            })
          : { from: 0, to: 0 },
      step: smallestGap(times) ?? (typeof interval === 'string' ? intervalStep[interval] : undefined) ?? DAY,
      minN,
      asOf,
    },
  };
};
