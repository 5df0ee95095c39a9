import {
  getDisplayValueAlignmentFactors,
  getFieldDisplayValues,
  type DisplayValueAlignmentFactors,
  type FieldDisplay,
  type PanelProps,
} from '@grafana/data';
import { BigValueGraphMode, BigValueTextMode } from '@grafana/schema';
import { BigValue, useTheme2, VizRepeater, type VizRepeaterRenderValueProps } from '@grafana/ui';
import type { StatOptions } from './statOptions';

/**
 * Grafana's stat panel as its StatPanel draws it: each field reduced by
 * getFieldDisplayValues and drawn with BigValue in a VizRepeater, with the
 * panel's text, colour, graph and justify modes. Data links and the
 * percent-change sparkline's tooltip are Grafana's to add.
 */
export function StatStockPanel({
  data,
  options,
  fieldConfig,
  title,
  width,
  height,
  timeRange,
  timeZone,
  replaceVariables,
  renderCounter,
}: PanelProps<StatOptions>) {
  const theme = useTheme2();
  // Grafana's rule: a display name set on the panel, or no title, names the value.
  const textMode =
    options.textMode === BigValueTextMode.Auto && (fieldConfig.defaults.displayName || !title)
      ? BigValueTextMode.ValueAndName
      : options.textMode;

  const getValues = (): FieldDisplay[] =>
    getFieldDisplayValues({
      fieldConfig,
      reduceOptions: options.reduceOptions,
      replaceVariables,
      theme,
      data: data.series,
      sparkline: options.graphMode !== BigValueGraphMode.None,
      percentChange: options.showPercentChange,
      timeZone,
    });

  const renderValue = ({
    value,
    alignmentFactors,
    width: valueWidth,
    height: valueHeight,
    count,
  }: VizRepeaterRenderValueProps<FieldDisplay, DisplayValueAlignmentFactors>) => (
    <BigValue
      value={value.display}
      count={count}
      sparkline={value.sparkline ? { ...value.sparkline, timeRange } : undefined}
      colorMode={options.colorMode}
      graphMode={options.graphMode}
      justifyMode={options.justifyMode}
      textMode={textMode}
      alignmentFactors={alignmentFactors}
      text={options.text}
      width={valueWidth}
      height={valueHeight}
      theme={theme}
      disableWideLayout={!options.wideLayout}
      percentChangeColorMode={options.percentChangeColorMode}
    />
  );

  return (
    <VizRepeater
      getValues={getValues}
      getAlignmentFactors={getDisplayValueAlignmentFactors}
      renderValue={renderValue}
      width={width}
      height={height}
      source={data}
      itemSpacing={3}
      renderCounter={renderCounter}
      autoGrid={true}
      orientation={options.orientation}
    />
  );
}
