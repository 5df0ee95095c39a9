import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { selectors } from '@grafana/e2e-selectors';
import type { PanelDataErrorViewProps } from '@grafana/runtime';
import { useStyles2 } from '@grafana/ui';
import { previewText } from './previewText';

/** The words Grafana's own view chooses: the panel's message, else the field config's "no value", else what is missing. */
export const panelDataErrorMessage = ({
  data,
  fieldConfig,
  message,
  needsNumberField,
  needsTimeField,
  needsStringField,
}: PanelDataErrorViewProps): string => {
  if (message) {
    return message;
  }
  const frames = data.series ?? [];
  if (frames.every((frame) => frame.length === 0)) {
    return fieldConfig?.defaults.noValue ?? previewText.noData;
  }
  const fields = frames.flatMap((frame) => frame.fields);
  if (needsStringField && !fields.some((field) => field.type === 'string')) {
    return previewText.missingField('string');
  }
  if (needsNumberField && !fields.some((field) => field.type === 'number')) {
    return previewText.missingField('number');
  }
  if (needsTimeField && !fields.some((field) => field.type === 'time')) {
    return previewText.missingField('time');
  }
  return previewText.cannotVisualize;
};

/**
 * Grafana's core registers its no-data view with `setPanelDataErrorView` at
 * start; @grafana/runtime's default ("Unable to render data") is only a
 * fallback for when nobody did, so the preview registers this one, as Grafana
 * draws it on a dashboard (centred, secondary text, no editor actions).
 */
export function PanelDataErrorView(props: PanelDataErrorViewProps) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.wrapper}>
      <div className={styles.message} data-testid={selectors.components.Panels.Panel.PanelDataErrorMessage}>
        {panelDataErrorMessage(props)}
      </div>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrapper: css({
    display: 'flex',
    justifyContent: 'center',
    alignItems: 'center',
    width: '100%',
    height: '100%',
  }),
  message: css({
    textAlign: 'center',
    color: theme.colors.text.secondary,
    fontSize: theme.typography.size.lg,
    width: '100%',
  }),
});
