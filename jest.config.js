// One jest run covers every workspace. Node parts run as CommonJS through swc,
// the transformer Grafana's plugin scaffold uses; the plugins run in jsdom
// with the scaffold's settings (.config/jest.config.js).
const pluginProject = require('./.config/jest.config');

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 120000,
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      roots: ['<rootDir>/sql', '<rootDir>/seed', '<rootDir>/datasource', '<rootDir>/preview', '<rootDir>/tests'],
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: [
        '/node_modules/',
        '/dist/',
        '<rootDir>/datasource/grafana/',
        '<rootDir>/tests/grafana/',
        '<rootDir>/tests/panel/',
      ],
      transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }] },
      setupFiles: ['<rootDir>/tests/setup/env.js'],
    },
    pluginProject('datasource-plugin', ['<rootDir>/datasource/grafana/src', '<rootDir>/tests/grafana']),
    pluginProject('scorecard-panel', ['<rootDir>/plugin/src', '<rootDir>/tests/panel']),
  ],
};
