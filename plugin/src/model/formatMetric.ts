import { formattedValueToString, getValueFormat } from '@grafana/data';
import type { MetricInfo } from './metricField';

/** A metric value in its catalog unit and decimals ("67.4", "82.1%", "2.5 min"). */
export const formatMetric = (value: number, metric: Pick<MetricInfo, 'unit' | 'decimals'>): string =>
  formattedValueToString(getValueFormat(metric.unit ?? 'none')(value, metric.decimals));

export type ChangeDirection = 'better' | 'worse' | 'same' | 'unknown';

/** Whether a change is for the better, by the metric's direction; the arrow always says up or down too. */
export const changeDirection = (change: number, metric: Pick<MetricInfo, 'direction'>): ChangeDirection => {
  if (change === 0) return 'same';
  if (metric.direction === 'neutral') return 'unknown';
  return (change > 0) === (metric.direction === 'higher_is_better') ? 'better' : 'worse';
};

/** "▲ +3.2", "▼ −2.6", "= 0.0": direction in the glyph and the sign, never only in colour. */
export const formatChange = (change: number, metric: Pick<MetricInfo, 'unit' | 'decimals'>): string => {
  const size = formatMetric(Math.abs(change), metric);
  if (change > 0) return `▲ +${size}`;
  if (change < 0) return `▼ −${size}`;
  return `= ${size}`;
};
