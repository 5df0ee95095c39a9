/**
 * The contract between the query service and everything that talks to it.
 * Each module can be imported on its own (`@touchpoint/contract/src/queryRequest`);
 * this index is the whole of it.
 */
export * from './dataFrame';
export * from './macros';
export * from './metricDefinition';
export * from './metricQuery';
export * from './migrateQuery';
export * from './queryRequest';
export * from './savedQuery';
export * from './servicePaths';
export * from './serviceResponses';
export * from './timeRange';
export * from './variables';
