import { css } from '@emotion/css';
import { LoadingState, type GrafanaTheme2, type PanelData } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { messages, testIds } from '../messages';

/** The panel's queries have not answered yet: Grafana shows its loading bar in the header meanwhile. */
export const isAwaitingData = (data: PanelData): boolean =>
  data.state === LoadingState.Loading || data.state === LoadingState.NotStarted;

/** A quiet placeholder while the first query runs, so waiting never reads as a problem with the data. */
export function PanelLoading({ width, height }: { width: number; height: number }) {
  const styles = useStyles2(getStyles);
  return (
    <div
      className={styles.loading}
      style={{ width, height }}
      role="status"
      aria-busy="true"
      data-testid={testIds.panelLoading}
    >
      {messages.panelLoading}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  loading: css({
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
  }),
});
