import type { PanelProps } from '@grafana/data';
import type { ComponentType } from 'react';
import { BarGaugeStockPanel } from './BarGaugeStockPanel';
import { barGaugeOptionsSchema } from './barGaugeOptions';
import { StatStockPanel } from './StatStockPanel';
import { statOptionsSchema } from './statOptions';
import { stockPanel } from './stockPanel';
import { isStockPanelType, type StockPanelType } from './stockPanelTypes';
import { TableStockPanel } from './TableStockPanel';
import { tableOptionsSchema } from './tableOptions';
import { TextStockPanel } from './TextStockPanel';
import { textOptionsSchema } from './textOptions';
import { TimeSeriesStockPanel } from './TimeSeriesStockPanel';
import { timeSeriesOptionsSchema } from './timeSeriesOptions';

/** Grafana's own panels the preview draws, by panel type, as Grafana's core registers them. */
export const stockPanels: Readonly<Record<StockPanelType, ComponentType<PanelProps>>> = {
  stat: stockPanel('stat', statOptionsSchema, StatStockPanel),
  bargauge: stockPanel('bargauge', barGaugeOptionsSchema, BarGaugeStockPanel),
  timeseries: stockPanel('timeseries', timeSeriesOptionsSchema, TimeSeriesStockPanel),
  table: stockPanel('table', tableOptionsSchema, TableStockPanel),
  text: stockPanel('text', textOptionsSchema, TextStockPanel),
};

/** The preview's drawing of one of Grafana's panel types, or undefined for a type it cannot draw. */
export const stockPanelFor = (type: string): ComponentType<PanelProps> | undefined =>
  isStockPanelType(type) ? stockPanels[type] : undefined;
