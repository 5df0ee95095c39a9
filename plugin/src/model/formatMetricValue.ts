import { formattedValueToString, getValueFormat } from '@grafana/data';
import { messages } from '../messages';
import type { MetricInfo } from './metricField';

/** A metric value in the unit and decimals the service's field config gives it, as Grafana's own panels write it. */
export const formatMetricValue = (info: Pick<MetricInfo, 'unit' | 'decimals'>, value: number | null, decimals = info.decimals): string =>
  value === null ? messages.noValue : formattedValueToString(getValueFormat(info.unit ?? 'none')(value, decimals));
