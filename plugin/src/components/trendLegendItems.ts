import { messages } from '../messages';
import { formatMetric } from '../model/formatMetric';
import type { MetricInfo } from '../model/metricField';
import type { TrendChart, TrendLine, TrendSeries } from '../model/trendCharts';

export type TrendLegendItem =
  | { kind: 'line'; key: string; label: string; colorKey: string; detail?: string; title?: string }
  | {
      kind: 'overlay';
      key: string;
      label: string;
      colorKey: string;
      overlayIndex: number;
      detail?: string;
      title?: string;
    }
  | { kind: 'responses'; key: string; label: string }
  | { kind: 'lowN'; key: string; label: string };

interface LegendInput {
  chart: TrendChart;
  /** The overlays drawn (none when the option is off). */
  overlays: TrendSeries[];
  wall: boolean;
  compact: boolean;
  minN?: number;
}

/** A line's name with its metric, as points and overlays are announced: "CSAT", "CES (mean) chat". */
export const seriesName = (metric: MetricInfo, line: TrendLine): string =>
  line.name === metric.label ? metric.label : `${metric.label} ${line.name}`;

/** The colour an overlay line shares with the chart line of the same branch or channel; its metric's when unlabelled. */
export const overlayColorKey = (overlay: TrendSeries, line: TrendLine): string =>
  line.name === overlay.metric.label ? `overlay:${overlay.metric.metric}` : line.name;

/** What a wall writes beside a series: its latest value and the responses behind it. */
const latestOf = (metric: MetricInfo, line: TrendLine): string => {
  const latest = [...line.points].reverse().find((point) => point.value !== null);
  return latest
    ? messages.trend.latest(formatMetric(latest.value, metric), latest.n, latest.lowConfidence)
    : messages.noValue;
};

/**
 * The legend of one chart. Every line is named, so colour never carries a
 * meaning alone; a small panel keeps only the names (and none for a single
 * unlabelled line, which the chart title names); a wall adds each line's
 * latest value and n, since nothing there may be hover-only.
 */
export const trendLegendItems = ({ chart, overlays, wall, compact, minN }: LegendInput): TrendLegendItem[] => {
  const named = !compact || chart.lines.length > 1 || overlays.length > 0 || wall;
  const lines = named
    ? chart.lines.map((line): TrendLegendItem => ({
        kind: 'line',
        key: line.key,
        label: line.name,
        colorKey: line.name,
        ...(line.title ? { title: line.title } : {}),
        ...(wall ? { detail: latestOf(chart.metric, line) } : {}),
      }))
    : [];
  const overlayLines = overlays.flatMap((overlay, overlayIndex) =>
    overlay.lines.map((line): TrendLegendItem => ({
      kind: 'overlay',
      key: `overlay:${line.key}`,
      label: messages.trend.overlayLine(seriesName(overlay.metric, line)),
      colorKey: overlayColorKey(overlay, line),
      overlayIndex,
      ...(line.title ? { title: line.title } : {}),
      ...(wall ? { detail: latestOf(overlay.metric, line) } : {}),
    }))
  );
  const hasLow = chart.lines.some((line) => line.points.some((point) => point.lowConfidence));
  return [
    ...lines,
    ...overlayLines,
    ...(compact ? [] : [{ kind: 'responses' as const, key: 'responses', label: messages.trend.responses }]),
    ...(compact || !hasLow ? [] : [{ kind: 'lowN' as const, key: 'lowN', label: messages.lowN(minN) }]),
  ];
};

/** The text an item takes up, for the layout's space budget. */
export const legendText = (item: TrendLegendItem): string =>
  'detail' in item && item.detail ? `${item.label} ${item.detail}` : item.label;
