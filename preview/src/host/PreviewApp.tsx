import { css } from '@emotion/css';
import { dateTimeFormat, type DataSourceApi, type GrafanaTheme2, type PanelProps } from '@grafana/data';
import { setTemplateSrv } from '@grafana/runtime';
import { Alert, LinkButton, LoadingPlaceholder, PanelChrome, useStyles2, useTheme2 } from '@grafana/ui';
import { useEffect, useMemo, useState, type ComponentType } from 'react';
import { dashboardHeight, drawnPanels, panelRect } from './dashboardModel';
import { DashboardTemplateSrv } from './dashboardTemplateSrv';
import { loadVariables, variableSpecs, type LoadedVariable } from './dashboardVariables';
import { PreviewPanel } from './PreviewPanel';
import type { PreviewBoot } from './previewBoot';
import { previewTestIds, previewText } from './previewText';
import { timeRangeOf } from './timeRangeOf';
// The panel's own hook: the page and the panels read the same URL the same way.
import { useStableByKey } from '@touchpoint/scorecard-panel/src/hooks/useStableByKey';
import { useUrlSearch } from '@touchpoint/scorecard-panel/src/hooks/useUrlSearch';
import { isKiosk } from '@touchpoint/scorecard-panel/src/options/isWallMode';
import { useWindowWidth } from './useWindowWidth';
import { VariablePicker } from './VariablePicker';
import { withParams } from './withParams';
import { headerStyles } from './headerStyles';
import { exploreText } from './explore/exploreText';

interface Props {
  boot: PreviewBoot;
  datasource: DataSourceApi;
  /** Panel components of the loaded plugins, by plugin id. */
  panels: Readonly<Record<string, ComponentType<PanelProps>>>;
}

/** The dashboard: variables and links on top (hidden in kiosk mode), panels on Grafana's grid. */
export function PreviewApp({ boot, datasource, panels }: Props) {
  const { dashboard } = boot;
  const drawn = drawnPanels(dashboard);
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const search = useUrlSearch();
  const width = useWindowWidth();
  const kiosk = isKiosk(search);
  // Resolved when the URL's range changes, not on every render (`now` moves) nor on a drill step.
  const { from, to } = search;
  const range = useStableByKey(JSON.stringify([dashboard.uid, from, to]), timeRangeOf(dashboard, { from, to }));
  const [loaded, setLoaded] = useState<LoadedVariable[] | Error>();
  // Variables are read once on load, as Grafana's "on dashboard load" refresh: with the range and URL of that moment.
  const [atLoad] = useState(() => ({ range, search }));

  useEffect(() => {
    loadVariables(dashboard.templating.list, datasource, atLoad.range, atLoad.search).then(setLoaded, (error: Error) =>
      setLoaded(error)
    );
  }, [dashboard, datasource, atLoad]);

  const specs = useMemo(() => (Array.isArray(loaded) ? variableSpecs(loaded, search) : []), [loaded, search]);
  const variablesKey = JSON.stringify(specs.map((spec) => spec.selected));
  // Grafana's template service is a global the panels' queries and drills
  // read: it must hold this render's selection before the panels render.
  setTemplateSrv(new DashboardTemplateSrv(specs));

  if (loaded instanceof Error) {
    return (
      <Alert title={previewText.failed} severity="error" data-testid={previewTestIds.error}>
        {loaded.message}
      </Alert>
    );
  }
  if (!loaded) {
    return <LoadingPlaceholder text={previewText.loading} />;
  }

  return (
    <div className={styles.app} data-testid={previewTestIds.app}>
      {!kiosk && (
        <header className={styles.header}>
          <h1 className={styles.title}>{dashboard.title}</h1>
          {loaded.map((variable, index) => (
            <VariablePicker key={variable.variable.name} loaded={variable} spec={specs[index]} />
          ))}
          <span className={styles.range}>
            {previewText.range(
              dateTimeFormat(range.from, { format: 'YYYY-MM-DD' }),
              dateTimeFormat(range.to, { format: 'YYYY-MM-DD' })
            )}
          </span>
          <nav className={styles.links}>
            {boot.dashboards
              .filter((other) => other.uid !== dashboard.uid)
              .map((other) => (
                <LinkButton key={other.uid} variant="secondary" fill="text" href={`/d/${other.uid}`}>
                  {other.title}
                </LinkButton>
              ))}
            <LinkButton variant="secondary" icon="compass" href="/explore">
              {exploreText.link}
            </LinkButton>
            <LinkButton variant="secondary" href={withParams({ theme: theme.isDark ? 'light' : 'dark' })}>
              {previewText.theme(theme.isDark ? 'dark' : 'light')}
            </LinkButton>
            <LinkButton variant="secondary" href={withParams({ kiosk: '1' })}>
              {previewText.kiosk}
            </LinkButton>
          </nav>
        </header>
      )}
      <main className={styles.grid} style={{ height: dashboardHeight(drawn) }}>
        {drawn.map((panel) => {
          const rect = panelRect(panel.gridPos, width);
          const Component = panels[panel.type];
          return (
            <div key={panel.id} className={styles.cell} style={rect} data-testid={previewTestIds.panel(panel.id)}>
              {Component ? (
                <PreviewPanel
                  panel={panel}
                  Component={Component}
                  datasource={datasource}
                  range={range}
                  width={rect.width}
                  height={rect.height}
                  dashboardUid={dashboard.uid}
                  timeZone={dashboard.timezone}
                  variablesKey={variablesKey}
                />
              ) : (
                <PanelChrome width={rect.width} height={rect.height} title={panel.title}>
                  {() => <p className={styles.note}>{previewText.notInPreview(panel.type)}</p>}
                </PanelChrome>
              )}
            </div>
          );
        })}
      </main>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  app: css({ minHeight: '100vh', background: theme.colors.background.canvas, color: theme.colors.text.primary }),
  ...headerStyles(theme),
  range: css({ color: theme.colors.text.secondary }),
  grid: css({ position: 'relative' }),
  cell: css({ position: 'absolute' }),
  note: css({ color: theme.colors.text.secondary, padding: theme.spacing(1) }),
});
