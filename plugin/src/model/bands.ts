import type { MetricBand } from '@touchpoint/contract/src/metricDefinition';

export type Severity = MetricBand['severity'];

/** Grafana colour names per band severity; the band's label always goes beside the colour. */
export const severityColor: Record<Severity, string> = {
  excellent: 'dark-green',
  good: 'green',
  neutral: 'text',
  warning: 'yellow',
  bad: 'orange',
  critical: 'red',
};

const inBand = (value: number, band: MetricBand) =>
  (band.includeMin ? value >= band.min : value > band.min) && (band.includeMax ? value <= band.max : value < band.max);

/** The catalog band a value falls in, by the catalog's own inclusive/exclusive edges. */
export const bandFor = (value: number | null, bands: readonly MetricBand[]): MetricBand | undefined =>
  value === null ? undefined : bands.find((band) => inBand(value, band));
