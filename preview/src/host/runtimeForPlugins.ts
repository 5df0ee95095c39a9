import type * as GrafanaRuntime from '@grafana/runtime';
import { PanelDataErrorView } from './PanelDataErrorView';

/**
 * @grafana/runtime as plugins get it in Grafana: its core registers its own
 * no-data view at start (`setPanelDataErrorView`, which the published package
 * keeps internal), so a plugin's `PanelDataErrorView` says "No data", never
 * the package's bare "Unable to render data" fallback. Every other export is
 * read through, live, from the page's one copy.
 */
export const runtimeForPlugins = (runtime: typeof GrafanaRuntime): typeof GrafanaRuntime =>
  new Proxy(runtime, {
    get: (target, name, receiver) =>
      name === 'PanelDataErrorView' ? PanelDataErrorView : Reflect.get(target, name, receiver),
  });
