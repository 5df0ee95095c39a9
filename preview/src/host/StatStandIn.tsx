import { FieldType, getDisplayProcessor, reduceField, ReducerID, type PanelProps } from '@grafana/data';
import { BigValue, BigValueColorMode, BigValueGraphMode, BigValueTextMode, useTheme2 } from '@grafana/ui';

interface StatOptions {
  reduceOptions?: { calcs?: string[] };
  colorMode?: BigValueColorMode;
  textMode?: BigValueTextMode;
}

/**
 * A stand-in for Grafana's stat panel, which lives in Grafana's app, not in
 * its packages: each number field reduced (last non-null by default) and
 * drawn with @grafana/ui's BigValue, formatted by the field's unit and
 * decimals. Enough to read the scorecard's headline numbers in the preview;
 * Grafana's own stat panel draws them on a dashboard.
 */
export function StatStandIn({ data, options, fieldConfig, width, height }: PanelProps<StatOptions>) {
  const theme = useTheme2();
  const calc = options.reduceOptions?.calcs?.[0] ?? ReducerID.lastNotNull;
  const fields = data.series.flatMap((frame) => frame.fields.filter((field) => field.type === FieldType.number));
  if (fields.length === 0) {
    return null;
  }
  const each = { width: Math.floor(width / fields.length), height };
  return (
    <div style={{ display: 'flex' }}>
      {fields.map((field) => {
        const withDefaults = { ...field, config: { ...fieldConfig.defaults, ...field.config } };
        const value = reduceField({ field: withDefaults, reducers: [calc] })[calc];
        const display = getDisplayProcessor({ field: withDefaults, theme })(value);
        return (
          <BigValue
            key={field.name}
            theme={theme}
            width={each.width}
            height={each.height}
            value={{ ...display, title: field.config.displayName ?? field.name }}
            colorMode={options.colorMode ?? BigValueColorMode.Value}
            graphMode={BigValueGraphMode.None}
            textMode={options.textMode ?? BigValueTextMode.Auto}
          />
        );
      })}
    </div>
  );
}
