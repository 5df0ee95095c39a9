/**
 * @jest-environment-options {"customExportConditions": ["browser", "node"]}
 */
// The `node` condition is for `yaml` (the dashboards' provider file), as in provisioning.test.ts.
import panelPlugin from '@touchpoint/scorecard-panel/src/plugin.json';
import { readDashboardFiles } from '../support/dashboardFiles';
import { isStockPanelType } from '@touchpoint/preview/src/host/stockPanels/stockPanelTypes';

/** Every panel of every provisioned dashboard (rows' panels included, rows left out), with where it sits. */
const provisionedPanels = readDashboardFiles().flatMap(({ file, panels }) =>
  panels.map((panel) => ({ file, id: panel.id, type: panel.type }))
);

describe('the provisioned dashboards in the preview', () => {
  it('draws every panel they hold: Grafana’s own with @grafana/ui, Touchpoint’s with its plugin', () => {
    const drawable = (type: string) => type === panelPlugin.id || isStockPanelType(type);
    expect(provisionedPanels.length).toBeGreaterThan(20);
    expect(provisionedPanels.filter((panel) => !drawable(panel.type))).toEqual([]);
  });

  it('uses each of Grafana’s panel types the preview draws, so each is seen on a dashboard', () => {
    const used = new Set(provisionedPanels.map((panel) => panel.type));
    expect([...used].filter(isStockPanelType).sort()).toEqual(['bargauge', 'stat', 'table', 'text', 'timeseries']);
  });
});
