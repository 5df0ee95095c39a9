// Lint as Grafana's plugin scaffold does: @grafana/eslint-config (React,
// React hooks, jsdoc, Prettier's truce), with typescript-eslint's recommended
// rules on top. Formatting is Prettier's alone (`npm run format`).
import grafanaConfig from '@grafana/eslint-config';
import reactPlugin from 'eslint-plugin-react';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '.scratch/**',
      '**/node_modules/',
      '**/dist/',
      'tests/e2e/artifacts/',
      'coverage/',
      '.config/webpack/',
      '.config/jest/',
    ],
  },
  ...grafanaConfig,
  ...tseslint.configs.recommended,
  // The plugins are built with React's automatic JSX runtime: no React in scope needed.
  reactPlugin.configs.flat['jsx-runtime'],
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { ecmaVersion: 2022 },
    rules: {
      // The compiler's noUnused* already fail the build; `_name` marks a deliberate unused.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Node scripts and the CommonJS configs.
    files: ['**/*.js', 'bin/**'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  }
);
