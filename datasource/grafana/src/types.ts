import type { DataSourceJsonData } from '@grafana/data';

/** Settings anyone with access to the datasource may read. */
export interface TouchpointOptions extends DataSourceJsonData {
  /** Where Grafana's server reaches `touchpoint serve`. */
  url?: string;
}

/** Settings Grafana stores encrypted and never sends back to the browser. */
export interface TouchpointSecureOptions {
  token?: string;
}
