import { FieldType, getFieldDisplayName, type DataFrame } from '@grafana/data';
import type { SortOrder, TooltipDisplayMode } from '@grafana/schema';
import { getFieldDisplayItems, VizTooltipContent, VizTooltipHeader, VizTooltipWrapper } from '@grafana/ui';

interface Props {
  /** The plot's frame: the time field first, then each series. */
  frame: DataFrame;
  dataIdxs: Array<number | null>;
  seriesIdx: number | null;
  mode: TooltipDisplayMode;
  sortOrder: SortOrder;
  isPinned: boolean;
}

/**
 * The time series tooltip as Grafana's TimeSeriesTooltip builds it: the
 * hovered time as its header, then one row per series (or the hovered one
 * in single mode) from @grafana/ui's getFieldDisplayItems.
 */
export function TimeSeriesStockTooltip({ frame, dataIdxs, seriesIdx, mode, sortOrder, isPinned }: Props) {
  const xField = frame.fields[0];
  const xIdx = dataIdxs[0] ?? dataIdxs.find((idx) => idx !== null) ?? null;
  if (!xField || xIdx === null) {
    return null;
  }
  const time = xField.display ? xField.display(xField.values[xIdx]).text : String(xField.values[xIdx]);
  const items = getFieldDisplayItems(
    frame.fields,
    xField,
    dataIdxs,
    seriesIdx,
    mode,
    sortOrder,
    (field) => field.type === FieldType.number && !field.config.custom?.hideFrom?.tooltip
  );
  return (
    <VizTooltipWrapper>
      <VizTooltipHeader item={{ label: getFieldDisplayName(xField, frame), value: time }} isPinned={isPinned} />
      <VizTooltipContent items={items} isPinned={isPinned} />
    </VizTooltipWrapper>
  );
}
