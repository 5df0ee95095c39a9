// `npm run test:e2e`: the browser and packaging checks that need more than
// Node (Debian's chromium and docker-compose), kept out of `npm test`.
const path = require('node:path');

/** @type {import('jest').Config} */
module.exports = {
  rootDir: path.join(__dirname, '..', '..'),
  displayName: 'e2e',
  testEnvironment: 'node',
  roots: ['<rootDir>/tests/e2e'],
  testMatch: ['**/*.e2e.ts'],
  testTimeout: 180000,
  // One browser and one service at a time: these machines have two cores.
  maxWorkers: 1,
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }] },
  setupFiles: ['<rootDir>/tests/setup/env.js'],
};
