import type { BackendSrvRequest, FetchError, FetchResponse } from '@grafana/runtime';
import { Observable } from 'rxjs';

const readBody = async (response: Response): Promise<unknown> => {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    // Not JSON: Grafana passes the text on as it is.
    return text;
  }
};

/**
 * Grafana's `backendSrv.fetch` in a browser: JSON in and out, an error
 * status as a FetchError carrying the body, unsubscribing aborts the request,
 * and a new request with the same `requestId` cancels the one before it (a
 * newer drill step or refresh wins).
 */
export const browserFetch = () => {
  const inFlight = new Map<string, () => void>();
  return <T>(options: BackendSrvRequest): Observable<FetchResponse<T>> =>
    new Observable<FetchResponse<T>>((subscriber) => {
      const controller = new AbortController();
      const { requestId } = options;
      const cancel = () => {
        controller.abort();
        subscriber.complete();
      };
      if (requestId) {
        inFlight.get(requestId)?.();
        inFlight.set(requestId, cancel);
      }
      const body = options.data === undefined ? undefined : JSON.stringify(options.data);
      fetch(options.url, {
        method: options.method ?? 'GET',
        headers: { ...options.headers, ...(body ? { 'content-type': 'application/json' } : {}) },
        body,
        signal: controller.signal,
      })
        .then(async (response) => {
          const data = await readBody(response);
          if (!response.ok) {
            const error: FetchError = {
              status: response.status,
              statusText: response.statusText,
              data,
              config: options,
            };
            subscriber.error(error);
            return;
          }
          subscriber.next({
            data: data as T,
            status: response.status,
            statusText: response.statusText,
            ok: true,
            headers: response.headers,
            redirected: response.redirected,
            type: response.type,
            url: response.url,
            config: options,
          });
          subscriber.complete();
        })
        .catch((cause: unknown) => {
          if (controller.signal.aborted) {
            return;
          }
          const error: FetchError = {
            status: 502,
            statusText: 'Bad Gateway',
            data: { message: String(cause) },
            config: options,
          };
          subscriber.error(error);
        });
      return () => {
        if (requestId && inFlight.get(requestId) === cancel) {
          inFlight.delete(requestId);
        }
        controller.abort();
      };
    });
};
