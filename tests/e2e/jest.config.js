// `npm run test:e2e`: the checks that need more than Node, kept out of
// `npm test`: the browser and packaging checks (Debian's chromium and
// docker-compose) and the real PostgreSQL clients (psql, psycopg, Go's lib/pq).
const path = require('node:path');

/** @type {import('jest').Config} */
module.exports = {
  rootDir: path.join(__dirname, '..', '..'),
  displayName: 'e2e',
  testEnvironment: 'node',
  roots: ['<rootDir>/tests/e2e', '<rootDir>/tests/postgres'],
  testMatch: ['**/*.e2e.ts', '**/*.clients.ts'],
  testTimeout: 180000,
  // One browser and one service at a time: these machines have two cores.
  maxWorkers: 1,
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }] },
  setupFiles: ['<rootDir>/tests/setup/env.js'],
};
