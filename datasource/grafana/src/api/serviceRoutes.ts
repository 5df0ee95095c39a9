/**
 * The data proxy route in plugin.json: Grafana forwards
 * `<datasource url>/touchpoint/...` to the configured service URL and adds
 * the token, so the browser never holds it.
 */
export const PROXY_ROUTE = 'touchpoint';
