import {
  DataSourcePlugin,
  PanelPlugin,
  PluginType,
  type DataQuery,
  type DataSourceApi,
  type DataSourceInstanceSettings,
  type PanelProps,
  type QueryEditorProps,
} from '@grafana/data';
import { setBackendSrv, setDataSourceSrv } from '@grafana/runtime';
import type { ComponentType } from 'react';
import { backendSrvFrom } from './backendSrvFrom';
import { browserFetch } from './browserFetch';
import { loadPluginModule } from './loadPluginModule';
import { previewBootSchema, type PreviewBoot } from './previewBoot';
import { sharedModules } from './sharedModules';
import { stockPanels } from './stockPanels/stockPanels';

export class PreviewBootError extends Error {}

/** The datasource plugin's query editor, as Grafana's Explore and panel editor render it. */
export type QueryEditor = ComponentType<QueryEditorProps<DataSourceApi, DataQuery>>;

export interface BootedPreview {
  boot: PreviewBoot;
  datasource: DataSourceApi;
  panels: Record<string, ComponentType<PanelProps>>;
  queryEditor: QueryEditor | undefined;
}

const pluginOf = async <T>(module: string, kind: new (...args: never[]) => T, what: string): Promise<T> => {
  const exports = await loadPluginModule(module, sharedModules);
  if (!(exports.plugin instanceof kind)) {
    throw new PreviewBootError(`${module} does not export a ${what} as \`plugin\``);
  }
  return exports.plugin;
};

const instanceSettings = (datasource: PreviewBoot['datasource']): DataSourceInstanceSettings => ({
  id: 1,
  uid: datasource.uid,
  type: datasource.type,
  name: datasource.name,
  url: datasource.url,
  access: 'proxy',
  readOnly: true,
  jsonData: datasource.jsonData,
  meta: {
    id: datasource.type,
    name: datasource.name,
    type: PluginType.datasource,
    module: datasource.module,
    baseUrl: datasource.module.slice(0, datasource.module.lastIndexOf('/')),
    info: {
      author: { name: '' },
      description: '',
      links: [],
      logos: { small: '', large: '' },
      screenshots: [],
      updated: '',
      version: '',
    },
  },
});

/**
 * What Grafana does before a dashboard shows: its services in place (HTTP
 * through the data proxy, the datasource registry), then each plugin loaded
 * from its built module and the datasource created from its saved settings.
 */
export const bootPreview = async (bootData: unknown): Promise<BootedPreview> => {
  const parsed = previewBootSchema.safeParse(bootData);
  if (!parsed.success) {
    throw new PreviewBootError(
      `the page's boot data is not what the preview expects: ${parsed.error.issues[0].path.join('.')} ${parsed.error.issues[0].message}`
    );
  }
  const boot = parsed.data;
  setBackendSrv(backendSrvFrom(browserFetch()));

  // One at a time: an AMD module defines itself through a global.
  const datasourcePlugin = await pluginOf(boot.datasource.module, DataSourcePlugin, 'datasource plugin');
  // Grafana's own panels first, drawn with @grafana/ui as Grafana's core draws them; then the plugins'.
  const panels: Record<string, ComponentType<PanelProps>> = { ...stockPanels };
  for (const [id, { module }] of Object.entries(boot.panels)) {
    const panelPlugin = await pluginOf(module, PanelPlugin, 'panel plugin');
    if (!panelPlugin.panel) {
      throw new PreviewBootError(`${module}: the panel plugin has no panel component`);
    }
    panels[id] = panelPlugin.panel;
  }

  const settings = instanceSettings(boot.datasource);
  // The plugin's class is typed for its own options; Grafana creates it from saved settings just so.
  const DataSourceClass = datasourcePlugin.DataSourceClass as unknown as new (
    instance: DataSourceInstanceSettings
  ) => DataSourceApi;
  const datasource = new DataSourceClass(settings);
  const isOurs = (ref: unknown) =>
    ref === undefined ||
    ref === null ||
    ref === settings.uid ||
    ref === settings.name ||
    (typeof ref === 'object' && (ref as { uid?: string }).uid === settings.uid);
  setDataSourceSrv({
    get: async (ref) => {
      if (!isOurs(ref)) {
        throw new PreviewBootError(`the preview has one datasource (${settings.uid}), not ${JSON.stringify(ref)}`);
      }
      return datasource;
    },
    getList: () => [settings],
    getInstanceSettings: (ref) => (isOurs(ref) ? settings : undefined),
    reload: async () => undefined,
    registerRuntimeDataSource: () => undefined,
  });
  return { boot, datasource, panels, queryEditor: datasourcePlugin.components.QueryEditor as QueryEditor | undefined };
};
