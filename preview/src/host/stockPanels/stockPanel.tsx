import { LoadingState, type PanelProps } from '@grafana/data';
import { useTheme2 } from '@grafana/ui';
import { useMemo, type ComponentType } from 'react';
import type { z } from 'zod';
import { previewText } from '../previewText';
import { applyStockFieldConfig } from './applyStockFieldConfig';
import { withDataMacros } from './dataMacros';
import type { StockPanelType } from './stockPanelTypes';
import { withStockFieldDefaults } from './withStockFieldDefaults';

/**
 * One of Grafana's panels as its component gets it in Grafana: options
 * with the panel's defaults, field config with its plugin's defaults, and
 * frames already through the field config (Grafana's query runner does
 * that before a panel renders; the preview's runs the queries and
 * transformations only).
 */
export const stockPanel = <S extends z.ZodType>(
  type: StockPanelType,
  optionsSchema: S,
  Render: ComponentType<PanelProps<z.output<S>>>
): ComponentType<PanelProps> => {
  function StockPanel(props: PanelProps) {
    const { options, fieldConfig: panelFieldConfig, data, timeZone, replaceVariables: dashboardReplace } = props;
    const theme = useTheme2();
    const parsed = useMemo(() => optionsSchema.safeParse(options), [options]);
    const fieldConfig = useMemo(() => withStockFieldDefaults(type, panelFieldConfig), [panelFieldConfig]);
    const replaceVariables = useMemo(() => withDataMacros(dashboardReplace), [dashboardReplace]);
    const series = useMemo(
      () => applyStockFieldConfig({ series: data.series, fieldConfig, theme, timeZone, replaceVariables }),
      [data.series, fieldConfig, theme, timeZone, replaceVariables]
    );
    // One object per answer: VizRepeater reduces its values again whenever `source` is a new object.
    const panelData = useMemo(() => ({ ...data, series }), [data, series]);
    if (!parsed.success) {
      const [issue] = parsed.error.issues;
      return <p>{previewText.stockOptionsInvalid(type, issue.path.join('.'), issue.message)}</p>;
    }
    // A first query still running is not "No data": draw nothing until it answers, as Grafana does.
    if (type !== 'text' && data.state === LoadingState.Loading && data.series.length === 0) {
      return null;
    }
    return (
      <Render
        {...props}
        options={parsed.data}
        fieldConfig={fieldConfig}
        replaceVariables={replaceVariables}
        data={panelData}
      />
    );
  }
  StockPanel.displayName = `StockPanel(${type})`;
  return StockPanel;
};
