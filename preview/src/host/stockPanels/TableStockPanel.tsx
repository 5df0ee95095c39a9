import { cacheFieldDisplayNames, type PanelProps } from '@grafana/data';
import { PanelDataErrorView } from '@grafana/runtime';
import { TableNG } from '@grafana/ui/unstable';
import { useMemo } from 'react';
import type { TableOptions } from './tableOptions';

/**
 * Grafana's table as its TablePanel draws it in Grafana 13: the panel's
 * frame (the one `frameIndex` picks) in @grafana/ui's TableNG, with its
 * header, cell height, sort and the field config's units and cell options.
 * Several frames show the picked one; Grafana adds a picker for the rest.
 */
export function TableStockPanel({
  id,
  data,
  options,
  fieldConfig,
  width,
  height,
  timeRange,
  transparent,
}: PanelProps<TableOptions>) {
  // Grafana's table reads each column's display name from the field's state, cached once per answer.
  const frames = useMemo(() => {
    cacheFieldDisplayNames(data.series);
    return data.series;
  }, [data.series]);
  if (frames.length === 0 || !frames.some((frame) => frame.fields.length > 0)) {
    return <PanelDataErrorView panelId={id} fieldConfig={fieldConfig} data={data} />;
  }
  const frame = frames[options.frameIndex < frames.length ? options.frameIndex : 0];
  return (
    <TableNG
      height={height}
      width={width}
      data={frame}
      noHeader={!options.showHeader}
      noValue={fieldConfig.defaults.noValue}
      showTypeIcons={options.showTypeIcons}
      resizable={true}
      sortByBehavior="initial"
      sortBy={options.sortBy}
      frozenColumns={options.frozenColumns?.left}
      enablePagination={options.enablePagination}
      cellHeight={options.cellHeight}
      maxRowHeight={options.maxRowHeight}
      timeRange={timeRange}
      fieldConfig={fieldConfig}
      structureRev={data.structureRev}
      transparent={transparent}
    />
  );
}
