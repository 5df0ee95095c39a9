import { FieldColorModeId, type FieldConfig } from '@grafana/data';
import {
  AxisColorMode,
  AxisPlacement,
  BarAlignment,
  GraphDrawStyle,
  GraphGradientMode,
  GraphThresholdsStyleMode,
  LineInterpolation,
  ScaleDistribution,
  StackingMode,
  VisibilityMode,
} from '@grafana/schema';
import type { StockPanelType } from './stockPanelTypes';

/**
 * What each of Grafana's panels sets as its field config defaults (its
 * module's `useFieldConfig`) beyond the standard options: the time series'
 * classic palette and graph styles (Grafana's `defaultGraphConfig` and its
 * editors' defaults), the table's cell defaults. Stat and bar gauge use
 * the standard options only.
 */
export const stockPanelFieldDefaults: Record<StockPanelType, FieldConfig> = {
  stat: {},
  bargauge: {},
  text: {},
  timeseries: {
    color: { mode: FieldColorModeId.PaletteClassic },
    custom: {
      drawStyle: GraphDrawStyle.Line,
      lineInterpolation: LineInterpolation.Linear,
      barAlignment: BarAlignment.Center,
      barWidthFactor: 0.6,
      lineWidth: 1,
      fillOpacity: 0,
      gradientMode: GraphGradientMode.None,
      spanNulls: false,
      insertNulls: false,
      showPoints: VisibilityMode.Auto,
      pointSize: 5,
      stacking: { mode: StackingMode.None, group: 'A' },
      axisPlacement: AxisPlacement.Auto,
      axisLabel: '',
      axisColorMode: AxisColorMode.Text,
      axisBorderShow: false,
      axisCenteredZero: false,
      axisGridShow: true,
      scaleDistribution: { type: ScaleDistribution.Linear },
      hideFrom: { legend: false, tooltip: false, viz: false },
      thresholdsStyle: { mode: GraphThresholdsStyleMode.Off },
    },
  },
  table: {
    custom: {
      align: 'auto',
      cellOptions: { type: 'auto' },
      inspect: false,
      filterable: false,
    },
  },
};
