import { HOME_DASHBOARD_UID, readDashboardFiles } from '@touchpoint/preview/src/server/previewSources';

/** The provisioned leadership dashboard, the preview's home. */
const leadership = readDashboardFiles().find((file) => file.dashboard.uid === HOME_DASHBOARD_UID)!.dashboard;

/** The id of the leadership dashboard's scorecard panel that shows `view`. */
export const scorecardPanelId = (view: string): number =>
  leadership.panels.find((panel) => panel.type === 'touchpoint-scorecard-panel' && panel.options.view === view)!.id;

/** Any panel whose header shows Grafana's error status. */
export const PANEL_ERROR = '[data-testid="data-testid Panel status error"]';
