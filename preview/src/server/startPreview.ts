import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyReply } from 'fastify';
import { join } from 'node:path';
import type { PreviewBoot } from '../host/previewBoot';
import { dataProxyPath, dataProxyTarget, DataProxyError, type DatasourceSettings } from './dataProxyTarget';
import { previewPage } from './previewPage';
import {
  HOME_DASHBOARD_UID,
  pluginDirs,
  readBuiltPlugin,
  readDashboardFiles,
  readProvisionedDatasource,
  REPO_ROOT,
} from './previewSources';

export interface PreviewOptions {
  host: string;
  port: number;
  /** The Touchpoint service the datasource's data proxy forwards to. */
  serviceUrl: string;
  token?: string;
}

export interface Preview {
  url: string;
  /** The dashboard the page opens on. */
  home: string;
  close(): Promise<void>;
}

const ICON_PATH = '/public/build/img/icons/';
const EMPTY_ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"></svg>';

/** Headers the service answers with that must not be passed on as they are: fetch has already decoded the body. */
const hopHeaders = new Set(['content-encoding', 'content-length', 'transfer-encoding', 'connection']);

/**
 * The preview server: a small stand-in for Grafana's. It serves the built
 * plugins where Grafana serves them (`/public/plugins/<id>/`), a page per
 * provisioned dashboard (`/d/<uid>`), and the datasource's data proxy, which
 * adds the token from the server's settings as Grafana's does.
 */
export const startPreview = async (options: PreviewOptions): Promise<Preview> => {
  const datasourcePlugin = readBuiltPlugin(pluginDirs.datasource);
  const panelPlugin = readBuiltPlugin(pluginDirs.panel);
  const provisioned = readProvisionedDatasource(datasourcePlugin.id);
  const settings: DatasourceSettings = {
    uid: provisioned.uid,
    jsonData: { ...provisioned.jsonData, url: options.serviceUrl },
    secureJsonData: options.token ? { token: options.token } : {},
  };
  const moduleOf = (id: string) => `/public/plugins/${id}/module.js`;

  const app = Fastify({ logger: false });
  await app.register(fastifyStatic, { root: join(REPO_ROOT, 'preview', 'dist'), prefix: '/public/build/' });
  for (const plugin of [datasourcePlugin, panelPlugin]) {
    await app.register(fastifyStatic, {
      root: plugin.dir,
      prefix: `/public/plugins/${plugin.id}/`,
      decorateReply: false,
    });
  }
  // @grafana/ui's icons, where Grafana serves them (its Icon asks for `<public path>build/img/icons/…`).
  await app.register(fastifyStatic, {
    root: join(REPO_ROOT, 'node_modules', '@grafana', 'ui', 'dist', 'public', 'img'),
    prefix: '/public/build/img/',
    decorateReply: false,
  });

  // @grafana/ui's package ships a subset of the icons Grafana's server has
  // (no spinner, for one); a missing one is drawn as an empty icon rather
  // than failing a request on every page.
  app.setNotFoundHandler((request, reply) =>
    request.url.startsWith(ICON_PATH)
      ? reply.type('image/svg+xml').header('x-touchpoint-preview', 'icon not in @grafana/ui').send(EMPTY_ICON)
      : reply.code(404).type('text/plain').send(`Not found: ${request.url}`)
  );

  app.get('/', (_request, reply) => reply.redirect(`/d/${HOME_DASHBOARD_UID}`));
  /** The page for a dashboard, or Explore (which keeps the home dashboard for its range and the links on top). */
  const sendPage = (reply: FastifyReply, page: PreviewBoot['page'], uid: string, theme: string | undefined) => {
    const dashboards = readDashboardFiles().map((file) => file.dashboard);
    const dashboard = dashboards.find((candidate) => candidate.uid === uid);
    if (!dashboard) {
      return reply
        .code(404)
        .type('text/plain')
        .send(`No provisioned dashboard has uid ${uid}: try /d/${HOME_DASHBOARD_UID}`);
    }
    const boot: PreviewBoot = {
      page,
      datasource: {
        uid: settings.uid,
        name: provisioned.name,
        type: datasourcePlugin.id,
        url: dataProxyPath(settings.uid),
        jsonData: settings.jsonData,
        module: moduleOf(datasourcePlugin.id),
      },
      panels: { [panelPlugin.id]: { module: moduleOf(panelPlugin.id) } },
      dashboard,
      dashboards: dashboards.map(({ uid, title }) => ({ uid, title })),
    };
    return reply
      .type('text/html; charset=utf-8')
      .send(previewPage(boot, theme === 'light' ? 'light' : 'dark', `/public/plugins/${panelPlugin.id}/img/logo.svg`));
  };
  app.get<{ Params: { uid: string }; Querystring: { theme?: string } }>('/d/:uid', (request, reply) =>
    sendPage(reply, 'dashboard', request.params.uid, request.query.theme)
  );
  app.get<{ Querystring: { theme?: string } }>('/explore', (request, reply) =>
    sendPage(reply, 'explore', HOME_DASHBOARD_UID, request.query.theme)
  );

  app.all(`${dataProxyPath(settings.uid)}/*`, async (request, reply) => {
    let target: ReturnType<typeof dataProxyTarget>;
    try {
      target = dataProxyTarget(request.url.split('?')[0], datasourcePlugin, settings);
    } catch (error) {
      if (error instanceof DataProxyError) {
        return reply.code(404).send({ message: error.message });
      }
      throw error;
    }
    const search = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD' && request.body !== undefined;
    try {
      const upstream = await fetch(`${target.url}${search}`, {
        method: request.method,
        headers: { ...target.headers, ...(hasBody ? { 'content-type': 'application/json' } : {}) },
        body: hasBody ? JSON.stringify(request.body) : undefined,
      });
      for (const [name, value] of upstream.headers) {
        if (!hopHeaders.has(name)) {
          reply.header(name, value);
        }
      }
      return reply.code(upstream.status).send(Buffer.from(await upstream.arrayBuffer()));
    } catch {
      // As Grafana's proxy answers when the datasource's URL is unreachable.
      return reply.code(502).send({ message: 'Bad Gateway' });
    }
  });

  await app.listen({ host: options.host, port: options.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;
  return { url, home: `${url}/d/${HOME_DASHBOARD_UID}`, close: () => app.close() };
};
