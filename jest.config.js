// One jest run covers every workspace. Node parts run as CommonJS through swc,
// the transformer Grafana's plugin scaffold uses.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/sql', '<rootDir>/seed', '<rootDir>/datasource', '<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }] },
  setupFiles: ['<rootDir>/tests/setup/env.js'],
  testTimeout: 120000,
};
