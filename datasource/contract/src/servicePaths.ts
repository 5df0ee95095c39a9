/** The service's routes, named once for the server and its tests. */
export const servicePaths = {
  health: '/api/health',
  catalog: '/api/catalog',
  query: '/api/query',
} as const;

/** The media type of an Arrow IPC stream: a query answered in it when the request accepts it. */
export const ARROW_STREAM = 'application/vnd.apache.arrow.stream';
