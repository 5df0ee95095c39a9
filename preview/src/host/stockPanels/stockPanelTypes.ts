/**
 * Grafana's own panel types the preview draws with @grafana/ui's components,
 * as Grafana's core panels do. A dashboard panel of another type that is not
 * a loaded plugin says in one line that the preview cannot draw it.
 */
export const stockPanelTypes = ['stat', 'bargauge', 'timeseries', 'table', 'text'] as const;
export type StockPanelType = (typeof stockPanelTypes)[number];

export const isStockPanelType = (type: string): type is StockPanelType =>
  (stockPanelTypes as readonly string[]).includes(type);
