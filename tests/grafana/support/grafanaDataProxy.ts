import type { BackendSrv, BackendSrvRequest, FetchError, FetchResponse } from '@grafana/runtime';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { Observable } from 'rxjs';
import { backendSrvFrom } from '@touchpoint/preview/src/host/backendSrvFrom';
import {
  dataProxyPath,
  dataProxyTarget,
  proxiedPluginSchema,
  type DatasourceSettings,
} from '@touchpoint/preview/src/server/dataProxyTarget';

export const datasourcePluginJson = proxiedPluginSchema.parse(
  JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'datasource', 'grafana', 'src', 'plugin.json'), 'utf8'))
);

export type { DatasourceSettings };

/**
 * Stands in for Grafana's server and its backendSrv, which plugin tests
 * cannot have: requests to `/api/datasources/proxy/uid/<uid>/<route>/…` go to
 * the route's URL from the plugin's real plugin.json, with its headers, and
 * nothing else does. As in Grafana, an unreachable upstream is a 502,
 * unsubscribing aborts the request, and a new request with the same
 * requestId cancels the one before it.
 */
export class GrafanaDataProxy {
  /** Each request: the upstream URL, the headers the browser sent, the headers the route added, the body. */
  readonly requests: Array<{
    url: string;
    sentHeaders: Record<string, unknown>;
    headers: Record<string, string>;
    body?: unknown;
  }> = [];
  private readonly inFlight = new Map<string, () => void>();

  constructor(private readonly settings: DatasourceSettings) {}

  get instanceUrl() {
    return dataProxyPath(this.settings.uid);
  }

  private target(url: string): { url: string; headers: Record<string, string> } {
    return dataProxyTarget(url, datasourcePluginJson, this.settings);
  }

  fetch<T>(options: BackendSrvRequest): Observable<FetchResponse<T>> {
    return new Observable<FetchResponse<T>>((subscriber) => {
      const { url, headers } = this.target(options.url);
      const body = options.data === undefined ? undefined : JSON.stringify(options.data);
      this.requests.push({ url, sentHeaders: { ...options.headers }, headers, body: options.data });
      const fail = (status: number, statusText: string, data: unknown) => {
        const error: FetchError = { status, statusText, data, config: options };
        subscriber.error(error);
      };
      let target: URL;
      try {
        target = new URL(url);
      } catch {
        fail(502, 'Bad Gateway', { message: 'Bad Gateway' });
        return undefined;
      }
      const outgoing = httpRequest(
        target,
        {
          agent: false,
          method: options.method ?? 'GET',
          headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
        },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () => {
            let data: unknown = text;
            try {
              data = JSON.parse(text);
            } catch {
              // Not JSON: Grafana passes the text on as it is.
            }
            const status = response.statusCode ?? 0;
            if (status >= 400) {
              return fail(status, response.statusMessage ?? '', data);
            }
            subscriber.next({
              data: data as T,
              status,
              statusText: response.statusMessage ?? '',
              ok: true,
              headers: new Headers(),
              redirected: false,
              type: 'basic',
              url,
              config: options,
            });
            subscriber.complete();
          });
        }
      );
      outgoing.on('error', () => fail(502, 'Bad Gateway', { message: 'Bad Gateway' }));
      const abort = () => outgoing.destroy();
      if (options.requestId) {
        this.inFlight.get(options.requestId)?.();
        this.inFlight.set(options.requestId, () => {
          abort();
          subscriber.complete();
        });
      }
      outgoing.end(body);
      return () => {
        if (options.requestId) {
          this.inFlight.delete(options.requestId);
        }
        abort();
      };
    });
  }

  /** The BackendSrv that `setBackendSrv` takes; the datasource uses only `fetch`. */
  asBackendSrv(): BackendSrv {
    return backendSrvFrom((options) => this.fetch(options));
  }
}
