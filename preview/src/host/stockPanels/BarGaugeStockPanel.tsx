import {
  getDisplayValueAlignmentFactors,
  getFieldDisplayValues,
  type DisplayValueAlignmentFactors,
  type FieldDisplay,
  type PanelProps,
} from '@grafana/data';
import { BarGauge, useTheme2, VizRepeater, type VizRepeaterRenderValueProps } from '@grafana/ui';
import type { BarGaugeOptions } from './barGaugeOptions';
import { barGaugeItemSpacing, barGaugeOrientation, barGaugeSizes } from './barGaugeLayout';

/**
 * Grafana's bar gauge as its BarGaugePanel draws it: getFieldDisplayValues
 * (one bar per field, or per row with "all values"), BarGauge in a
 * VizRepeater, names shown when there is more than one bar, sizes and
 * spacing by Grafana's rules.
 */
export function BarGaugeStockPanel({
  data,
  options,
  fieldConfig,
  width,
  height,
  timeZone,
  replaceVariables,
  renderCounter,
}: PanelProps<BarGaugeOptions>) {
  const theme = useTheme2();
  const spacing = barGaugeItemSpacing(options.displayMode);

  const getValues = (): FieldDisplay[] =>
    getFieldDisplayValues({
      fieldConfig,
      reduceOptions: options.reduceOptions,
      replaceVariables,
      theme,
      data: data.series,
      timeZone,
    });

  const renderValue = ({
    value,
    alignmentFactors,
    orientation,
    width: valueWidth,
    height: valueHeight,
    count,
  }: VizRepeaterRenderValueProps<FieldDisplay, DisplayValueAlignmentFactors>) => {
    const { field, display, view, colIndex } = value;
    const showName = count !== 1 || Boolean(fieldConfig.defaults.displayName);
    return (
      <BarGauge
        value={showName ? display : { ...display, title: undefined }}
        width={valueWidth}
        height={valueHeight}
        orientation={orientation}
        field={field}
        text={options.text}
        display={view && colIndex !== undefined ? view.getFieldDisplayProcessor(colIndex) : undefined}
        theme={theme}
        itemSpacing={spacing}
        displayMode={options.displayMode}
        alignmentFactors={count > 1 ? alignmentFactors : undefined}
        showUnfilled={options.showUnfilled}
        valueDisplayMode={options.valueMode}
        namePlacement={options.namePlacement}
        // Taller than the panel: the repeater scrolls, and the bars leave room for its bar.
        isOverflow={(valueHeight + spacing) * count - spacing > height}
      />
    );
  };

  const sizes = barGaugeSizes(options, barGaugeOrientation(options.orientation, width, height));
  return (
    <VizRepeater
      source={data}
      getAlignmentFactors={getDisplayValueAlignmentFactors}
      getValues={getValues}
      renderValue={renderValue}
      renderCounter={renderCounter}
      width={width}
      height={height}
      {...sizes}
      itemSpacing={spacing}
      orientation={options.orientation}
    />
  );
}
