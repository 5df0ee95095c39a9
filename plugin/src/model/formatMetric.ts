import { formattedValueToString, getValueFormat } from '@grafana/data';
import { messages } from '../messages';
import type { MetricInfo } from './metricField';

/**
 * A metric value in the unit and decimals the service's field config gives
 * it, as Grafana's own panels write it ("67.4", "82.1%", "45 s"); fewer
 * decimals when asked (axis ticks, goals). No value means no ratings, never zero.
 */
export const formatMetric = (
  value: number | null,
  metric: Pick<MetricInfo, 'unit' | 'decimals'>,
  decimals = metric.decimals
): string =>
  value === null ? messages.noValue : formattedValueToString(getValueFormat(metric.unit ?? 'none')(value, decimals));

export type ChangeDirection = 'better' | 'worse' | 'same' | 'unknown';

/** Whether a change is for the better, by the metric's direction; the arrow always says up or down too. */
export const changeDirection = (change: number, metric: Pick<MetricInfo, 'direction'>): ChangeDirection => {
  if (change === 0) {
    return 'same';
  }
  if (metric.direction === 'neutral') {
    return 'unknown';
  }
  return change > 0 === (metric.direction === 'higher_is_better') ? 'better' : 'worse';
};

/** "▲ +3.2", "▼ −2.6", "= 0.0": direction in the glyph and the sign, never only in colour. */
export const formatChange = (change: number, metric: Pick<MetricInfo, 'unit' | 'decimals'>): string => {
  const size = formatMetric(Math.abs(change), metric);
  if (change > 0) {
    return `▲ +${size}`;
  }
  if (change < 0) {
    return `▼ −${size}`;
  }
  return `= ${size}`;
};
