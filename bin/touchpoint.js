#!/usr/bin/env node
// DuckDB runs each query on libuv's pool; the default of 4 threads starves
// under concurrent queries. It must be raised before the pool first starts.
process.env.UV_THREADPOOL_SIZE = process.env.UV_THREADPOOL_SIZE || '16';

// The TypeScript sources run as they are: importing tsx registers its loader
// (the same as `node --import tsx`) for everything imported after it.
import('tsx')
  .then(() => import('../datasource/cli/src/main.ts'))
  // A CommonJS module imported from here arrives as the namespace's default.
  .then((module) => (module.main ?? module.default.main)(process.argv.slice(2)))
  .then((code) => {
    process.exitCode = code;
  });
