#!/usr/bin/env node
// DuckDB runs each query on libuv's pool; the default of 4 threads starves
// under concurrent queries. It must be raised before the pool first starts.
process.env.UV_THREADPOOL_SIZE = process.env.UV_THREADPOOL_SIZE || '16';
require('tsx/cjs');
require('../datasource/src/cli/main.ts')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
