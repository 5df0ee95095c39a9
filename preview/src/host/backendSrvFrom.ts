import type { BackendSrv, BackendSrvRequest, FetchResponse } from '@grafana/runtime';
import { lastValueFrom, type Observable } from 'rxjs';

type Fetch = <T>(options: BackendSrvRequest) => Observable<FetchResponse<T>>;

/**
 * The whole BackendSrv that `setBackendSrv` takes, over one `fetch`: the
 * promise helpers are Grafana's shorthands for a fetch's data. The Touchpoint
 * datasource uses `fetch` only.
 */
export const backendSrvFrom = (fetch: Fetch): BackendSrv => {
  const fetchData = async <T>(options: BackendSrvRequest) => (await lastValueFrom(fetch<T>(options))).data;
  return {
    fetch,
    chunked: () => {
      throw new Error('chunked requests are not part of the Touchpoint datasource');
    },
    request: (options) => fetchData(options),
    datasourceRequest: (options) => lastValueFrom(fetch(options)),
    get: (url, params) => fetchData({ url: params ? `${url}?${new URLSearchParams(params)}` : url, method: 'GET' }),
    delete: (url, data) => fetchData({ url, method: 'DELETE', data }),
    post: (url, data) => fetchData({ url, method: 'POST', data }),
    patch: (url, data) => fetchData({ url, method: 'PATCH', data }),
    put: (url, data) => fetchData({ url, method: 'PUT', data }),
  };
};
