/**
 * @jest-environment-options {"customExportConditions": ["browser", "node"]}
 */
// The `node` condition is for `yaml`, whose browser build is an ES module
// jest does not transform here; its Node build is the same parser.
import type { DataFrame, DataQueryRequest } from '@grafana/data';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { lastValueFrom } from 'rxjs';
import { z } from 'zod';
import { savedQuerySchema, type TouchpointQuery } from '@touchpoint/contract/src/savedQuery';
import { variableQuerySchema } from '@touchpoint/duckdb-datasource/src/variables/variableQuery';
import { scorecardOptionsSchema } from '@touchpoint/scorecard-panel/src/options/scorecardOptions';
import datasourcePlugin from '@touchpoint/duckdb-datasource/src/plugin.json';
import panelPlugin from '@touchpoint/scorecard-panel/src/plugin.json';
import type { VariableSpec } from '@touchpoint/preview/src/host/dashboardTemplateSrv';
import { bindMounts, hostPathOf, readComposeFile, REPO_ROOT } from './support/composeFile';
import { DASHBOARD_DIR, datasourceRefs, readDashboardFiles, type DashboardFile } from './support/dashboardFiles';
import { dashboardVariableSpecs } from './support/dashboardVariableSpecs';
import { panelInterval, panelTimeRange } from './support/dashboardTimeRange';
import { expandEnv } from './support/expandEnv';
import { getJson } from './support/getJson';
import { datasourcePluginJson } from './support/grafanaDataProxy';
import { panelDataProblems } from './support/panelDataProblems';
import { applyPanelTransformations } from './support/panelTransformations';
import { provisionedDatasource } from './support/provisionedDatasource';
import {
  GRAFANA_PROVISIONING_DIR,
  PROVISIONING_DIR,
  readDashboardProviders,
  readProvisionedDatasources,
} from './support/provisioningFiles';
import { SERVICE_TOKEN, startSeededService, type SeededService } from './support/seededService';

const compose = readComposeFile();
const grafana = compose.services.grafana;
const touchpoint = compose.services.touchpoint;
const datasources = readProvisionedDatasources();
const touchpointDatasources = datasources.filter((provisioned) => provisioned.type === datasourcePluginJson.id);
const [datasource] = touchpointDatasources;
const DATASOURCE_URL = z.string().parse(datasource.jsonData.url);
const dashboards = readDashboardFiles();
const DATASOURCE_REF = { type: datasourcePluginJson.id, uid: datasource.uid };

const plugins = [
  { folder: 'datasource/grafana', id: datasourcePlugin.id, json: datasourcePlugin },
  { folder: 'plugin', id: panelPlugin.id, json: panelPlugin },
];

/** The schema version of the dashboards Grafana 13.2 saves (its @grafana/schema default). */
const GRAFANA_SCHEMA_VERSION = 42;

/** The settings a plugin.json route reads: `{{ .JsonData.url }}` and `{{ .SecureJsonData.token }}`. */
const routeSettings = (scope: 'JsonData' | 'SecureJsonData') =>
  [...JSON.stringify(datasourcePluginJson.routes).matchAll(new RegExp(`\\{\\{\\s*\\.${scope}\\.(\\w+)\\s*\\}\\}`, 'g'))]
    .map((match) => match[1])
    .filter((key, index, keys) => keys.indexOf(key) === index)
    .sort();

/** A saved target without the datasource reference Grafana stores beside it. */
const withoutDatasource = ({ datasource: _datasource, ...query }: Record<string, unknown>) => query;

describe('docker-compose.yml', () => {
  it('mounts each plugin’s build read-only at the id its plugin.json declares', () => {
    for (const { folder, id } of plugins) {
      expect(bindMounts(grafana)).toContainEqual({
        host: join(REPO_ROOT, folder, 'dist'),
        container: `/var/lib/grafana/plugins/${id}`,
        readOnly: true,
      });
    }
  });

  it('allows unsigned loading for exactly those two plugins', () => {
    expect(grafana.environment.GF_PLUGINS_ALLOW_LOADING_UNSIGNED_PLUGINS?.split(',').sort()).toEqual(
      plugins.map(({ id }) => id).sort()
    );
  });

  it('declares Grafana 12.3 or later in both plugin.json, the first to give plugins react/jsx-runtime', () => {
    for (const { json } of plugins) {
      expect(json.dependencies.grafanaDependency).toBe('>=12.3.0');
    }
  });

  it('has every provisioning folder Grafana reads at start, so it logs no error for a missing one', () => {
    for (const folder of ['datasources', 'dashboards', 'alerting', 'plugins']) {
      expect(existsSync(join(PROVISIONING_DIR, folder))).toBe(true);
    }
  });

  it('mounts the provisioning folder read-only where Grafana reads it', () => {
    expect(bindMounts(grafana)).toContainEqual({
      host: PROVISIONING_DIR,
      container: GRAFANA_PROVISIONING_DIR,
      readOnly: true,
    });
  });

  it('gives Grafana the token the service requires', () => {
    expect(touchpoint.environment.TOUCHPOINT_TOKEN).toMatch(/^\$\{TOUCHPOINT_TOKEN:-.+\}$/);
    expect(grafana.environment.TOUCHPOINT_TOKEN).toBe(touchpoint.environment.TOUCHPOINT_TOKEN);
  });

  it('starts Grafana once the service is healthy', () => {
    expect(grafana.depends_on.touchpoint).toEqual({ condition: 'service_healthy' });
  });

  it('opens Grafana on a provisioned dashboard', () => {
    const home = hostPathOf(grafana, grafana.environment.GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH ?? '');
    expect(home && dirname(home)).toBe(DASHBOARD_DIR);
    expect(home && existsSync(home)).toBe(true);
  });
});

describe('provisioning', () => {
  it('provisions one datasource of the Touchpoint datasource plugin’s type, the default', () => {
    expect(touchpointDatasources).toHaveLength(1);
    expect(datasource).toMatchObject({ type: datasourcePluginJson.id, isDefault: true });
    expect(datasources.filter((provisioned) => provisioned.isDefault)).toEqual([datasource]);
  });

  it('gives every provisioned datasource its own uid, Grafana’s PostgreSQL one included', () => {
    expect(new Set(datasources.map(({ uid }) => uid)).size).toBe(datasources.length);
    expect(datasources.map(({ uid, type }) => ({ uid, type }))).toContainEqual({
      uid: 'touchpoint-pg',
      type: 'grafana-postgresql-datasource',
    });
  });

  it('sets exactly the settings the plugin’s data proxy route reads', () => {
    expect(Object.keys(datasource.jsonData).sort()).toEqual(routeSettings('JsonData'));
    expect(Object.keys(datasource.secureJsonData).sort()).toEqual(routeSettings('SecureJsonData'));
  });

  it('points at the service by its compose name and takes the token from Grafana’s environment', () => {
    expect(new URL(DATASOURCE_URL).hostname).toBe('touchpoint');
    expect(expandEnv(datasource.secureJsonData.token, { TOUCHPOINT_TOKEN: 'from-compose' })).toBe('from-compose');
  });

  it('loads the dashboards from the folder the compose file mounts, into a Touchpoint folder', () => {
    const providers = readDashboardProviders();
    expect(providers).toHaveLength(1);
    expect(providers[0].folder).toBe('Touchpoint');
    expect(hostPathOf(grafana, providers[0].options.path)).toBe(DASHBOARD_DIR);
  });

  it('gives every dashboard its own uid', () => {
    const uids = dashboards.map(({ dashboard }) => dashboard.uid);
    expect(new Set(uids).size).toBe(uids.length);
    expect(dashboards.length).toBeGreaterThanOrEqual(3);
  });
});

describe.each(dashboards)('dashboard $file', (file) => {
  const { raw, dashboard, panels } = file;

  it('is at Grafana 13.2’s schema version and has a relative range that parses', () => {
    expect(dashboard.schemaVersion).toBe(GRAFANA_SCHEMA_VERSION);
    expect(() => panelTimeRange(file, undefined, Date.now())).not.toThrow();
  });

  it('joins a table’s queries by field in Grafana’s tabular outer mode, which keeps duplicated keys', () => {
    const joins = panels
      .filter((panel) => panel.type === 'table')
      .flatMap((panel) => panel.transformations ?? [])
      .filter((transformation) => transformation.id === 'joinByField');
    expect(joins.map((join) => join.options.mode)).toEqual(joins.map(() => 'outerTabular'));
  });

  it('lays its panels out on the 24-column grid without overlaps', () => {
    const boxes = dashboard.panels
      .flatMap(({ panels: inRow, ...panel }) => [panel, ...inRow])
      .map(({ title, gridPos }) => ({ title, ...gridPos }));
    const overlaps = boxes.flatMap((a, i) =>
      boxes
        .slice(i + 1)
        .filter((b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h)
        .map((b) => `${a.title} / ${b.title}`)
    );
    expect(overlaps).toEqual([]);
    expect(boxes.filter((box) => box.x < 0 || box.x + box.w > 24).map((box) => box.title)).toEqual([]);
  });

  it('refers to the provisioned Touchpoint datasource only', () => {
    const refs = datasourceRefs(raw);
    expect(refs.length).toBeGreaterThan(0);
    for (const { path, ref } of refs) {
      expect({ path, ref }).toEqual({ path, ref: DATASOURCE_REF });
    }
  });

  it('has a branch variable listing the branches, multi-value with All', () => {
    const branch = dashboard.templating.list.find((variable) => variable.name === 'branch');
    expect(branch).toMatchObject({ type: 'query', datasource: DATASOURCE_REF, multi: true, includeAll: true });
    expect(variableQuerySchema.parse(branch?.query)).toEqual({ refId: 'variable', version: 1, kind: 'branches' });
  });

  it('saves every variable query and every target in the current schema, with nothing left to a default', () => {
    for (const variable of dashboard.templating.list) {
      expect(variableQuerySchema.parse(variable.query)).toEqual(variable.query);
    }
    for (const panel of panels) {
      for (const target of panel.targets) {
        expect(savedQuerySchema.parse(withoutDatasource(target))).toEqual(withoutDatasource(target));
      }
    }
  });

  it('uses the scorecard panel by its real id, with options that are all valid', () => {
    const touchpointPanels = panels.filter(
      (panel) => panel.type.includes('touchpoint') || panel.type.includes('scorecard')
    );
    const variableNames = dashboard.templating.list.map((variable) => variable.name);
    for (const panel of touchpointPanels) {
      expect(panel.type).toBe(panelPlugin.id);
      // The schema falls back to a default for an invalid value; none may.
      const options = scorecardOptionsSchema.parse(panel.options);
      expect(options).toMatchObject(panel.options);
      // A branch click sets this variable: it must be the dashboard's.
      expect(variableNames).toContain(options.branchVariable);
    }
  });
});

const panelCases = dashboards.flatMap((file) =>
  file.panels
    .filter((panel) => panel.targets.length > 0)
    .map((panel) => ({ file, panel, name: `${file.dashboard.title} / ${panel.title}` }))
);

describe('every provisioned panel against a real service', () => {
  let seeded: SeededService;
  let asOf: number;
  const variables = new Map<DashboardFile, Promise<VariableSpec[]>>();

  /** The dashboard's variables, settled once through the provisioned datasource as Grafana does on load. */
  const variablesOf = (file: DashboardFile) => {
    const settled =
      variables.get(file) ??
      dashboardVariableSpecs(
        provisionedDatasource(datasource, seeded.service.url, { TOUCHPOINT_TOKEN: SERVICE_TOKEN }),
        file.dashboard.templating.list,
        panelTimeRange(file, undefined, asOf)
      );
    variables.set(file, settled);
    return settled;
  };

  beforeAll(async () => {
    seeded = await startSeededService();
    // "Now" is the data's latest event, so relative ranges land on the seeded data.
    asOf = (await getJson<{ asOf: number }>(`${seeded.service.url}/api/health`)).asOf;
  });
  afterAll(() => seeded?.stop());

  it.each(panelCases)('$name answers every query with data the panel can show', async ({ file, panel }) => {
    const range = panelTimeRange(file, panel, asOf);
    const ds = provisionedDatasource(
      datasource,
      seeded.service.url,
      { TOUCHPOINT_TOKEN: SERVICE_TOKEN },
      await variablesOf(file)
    );
    // Grafana asks for about one point per pixel of the panel's width.
    const maxDataPoints = Math.round((panel.gridPos.w / 24) * 1600);
    const request: DataQueryRequest<TouchpointQuery> = {
      requestId: `panel-${panel.id}`,
      ...panelInterval(range, maxDataPoints),
      maxDataPoints,
      range,
      scopedVars: {},
      targets: panel.targets.map((target) => ({
        ...savedQuerySchema.parse(withoutDatasource(target)),
        datasource: DATASOURCE_REF,
      })),
      timezone: file.dashboard.timezone,
      app: 'dashboard',
      startTime: Date.now(),
    };

    const response = await lastValueFrom(ds.query(request));
    expect(response.errors ?? []).toEqual([]);
    const frames = response.data as DataFrame[];
    const empty = request.targets
      .filter(({ refId }) => !frames.some((frame) => frame.refId === refId && frame.length > 0))
      .map(({ refId }) => refId);
    expect(empty).toEqual([]);

    const shown = await applyPanelTransformations(panel.transformations, frames);
    expect(panelDataProblems(panel, { received: frames, shown })).toEqual([]);
  });
});
