import { BarGaugeDisplayMode, BarGaugeSizing, VizOrientation } from '@grafana/schema';
import { barGaugeDefaults, type BarGaugeOptions } from './barGaugeOptions';

/** Grafana's bar gauge: retro LCD bars sit closer together. */
export const barGaugeItemSpacing = (displayMode: BarGaugeDisplayMode): number =>
  displayMode === BarGaugeDisplayMode.Lcd ? 2 : 10;

/** Grafana's bar gauge on `auto`: bars stand up in a wide panel and lie down in a tall one. */
export const barGaugeOrientation = (orientation: VizOrientation, width: number, height: number): VizOrientation => {
  if (orientation !== VizOrientation.Auto) {
    return orientation;
  }
  return width > height ? VizOrientation.Vertical : VizOrientation.Horizontal;
};

/** The bars' size limits: the panel's own only when sizing is manual and they apply to the orientation. */
export const barGaugeSizes = (options: BarGaugeOptions, orientation: VizOrientation) => {
  const manual = options.sizing === BarGaugeSizing.Manual;
  const vertical = orientation === VizOrientation.Vertical;
  const horizontal = orientation === VizOrientation.Horizontal;
  return {
    minVizWidth: manual && vertical ? options.minVizWidth : barGaugeDefaults.minVizWidth,
    minVizHeight: manual && horizontal ? options.minVizHeight : barGaugeDefaults.minVizHeight,
    maxVizHeight: manual && horizontal ? options.maxVizHeight : barGaugeDefaults.maxVizHeight,
  };
};
