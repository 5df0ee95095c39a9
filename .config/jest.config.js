/*
 * Scaffolded by @grafana/create-plugin 7.1.7 (jest config for plugins),
 * changed to serve several plugin folders from one root config: `.mjs` is
 * transformed too (Grafana 13 packages ship ES modules as .mjs).
 */
const path = require('path');
const { grafanaESModules, nodeModulesToTransform } = require('./jest/utils');

/** A jest project for the plugin whose sources are under `roots`. */
module.exports = (displayName, roots) => ({
  displayName,
  rootDir: path.resolve(__dirname, '..'),
  roots,
  moduleNameMapper: {
    '\\.(css|scss|sass)$': 'identity-obj-proxy',
    'react-inlinesvg': path.resolve(__dirname, 'jest', 'mocks', 'react-inlinesvg.tsx'),
    '^monaco-editor$': path.resolve(__dirname, 'jest', 'mocks', 'monaco-editor.js'),
    '^@monaco-editor/react$': path.resolve(__dirname, 'jest', 'mocks', 'monaco-react.tsx'),
  },
  setupFiles: ['<rootDir>/tests/setup/env.js'],
  setupFilesAfterEnv: [path.resolve(__dirname, 'jest-setup.js')],
  testEnvironment: 'jest-environment-jsdom',
  testMatch: ['**/*.test.{ts,tsx}'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: {
    '^.+\\.(t|j)sx?$|^.+\\.mjs$': [
      '@swc/jest',
      {
        sourceMaps: 'inline',
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', tsx: true, decorators: false, dynamicImport: true },
          transform: { react: { runtime: 'automatic' } },
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  // Jest cannot load ES modules untransformed (see create-plugin's .config/README.md#esm-errors-with-jest).
  transformIgnorePatterns: [nodeModulesToTransform(grafanaESModules)],
});
