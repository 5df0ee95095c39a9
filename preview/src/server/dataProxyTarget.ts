import { z } from 'zod';

const routeSchema = z.object({
  path: z.string(),
  url: z.string(),
  headers: z.array(z.object({ name: z.string(), content: z.string() })).default([]),
});

/** The part of a datasource's plugin.json that Grafana's data proxy reads. */
export const proxiedPluginSchema = z.object({ id: z.string(), routes: z.array(routeSchema).default([]) });
export type ProxiedPlugin = z.infer<typeof proxiedPluginSchema>;

/** A datasource's saved settings as the server holds them: the secure part never reaches a browser. */
export interface DatasourceSettings {
  uid: string;
  jsonData: Record<string, unknown>;
  secureJsonData: Record<string, string>;
}

export class DataProxyError extends Error {}

/** Where Grafana serves a datasource's data proxy. */
export const dataProxyPath = (uid: string) => `/api/datasources/proxy/uid/${uid}`;

/** Grafana's template for route URLs and headers: `{{ .JsonData.x }}` and `{{ .SecureJsonData.x }}`. */
const render = (template: string, settings: DatasourceSettings) =>
  template.replace(/\{\{\s*\.(JsonData|SecureJsonData)\.(\w+)\s*\}\}/g, (_, scope: string, key: string) =>
    String((scope === 'JsonData' ? settings.jsonData : settings.secureJsonData)[key] ?? '')
  );

/**
 * Grafana's data proxy, the part that decides: a request to
 * `/api/datasources/proxy/uid/<uid>/<route path>/rest` goes to the route's
 * URL + `/rest` with the route's headers, rendered from the datasource's
 * settings (the token is added here, so the browser never holds it). Any
 * other path is refused.
 */
export const dataProxyTarget = (
  path: string,
  plugin: ProxiedPlugin,
  settings: DatasourceSettings
): { url: string; headers: Record<string, string> } => {
  const prefix = `${dataProxyPath(settings.uid)}/`;
  if (!path.startsWith(prefix)) {
    throw new DataProxyError(`not a data proxy URL of datasource ${settings.uid}: ${path}`);
  }
  const rest = path.slice(prefix.length);
  const route = plugin.routes.find((candidate) => rest === candidate.path || rest.startsWith(`${candidate.path}/`));
  if (!route) {
    throw new DataProxyError(`no route of ${plugin.id} matches ${rest}`);
  }
  const headers = Object.fromEntries(route.headers.map((header) => [header.name, render(header.content, settings)]));
  return { url: `${render(route.url, settings).replace(/\/$/, '')}${rest.slice(route.path.length)}`, headers };
};
