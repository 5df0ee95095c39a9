import * as emotionCss from '@emotion/css';
import * as grafanaData from '@grafana/data';
import * as grafanaI18n from '@grafana/i18n';
import * as grafanaRuntime from '@grafana/runtime';
import * as grafanaUi from '@grafana/ui';
import * as lodash from 'lodash';
import * as react from 'react';
import * as reactDom from 'react-dom';
import * as jsxRuntime from 'react/jsx-runtime';
import * as rxjs from 'rxjs';
import * as rxjsOperators from 'rxjs/operators';
import { runtimeForPlugins } from './runtimeForPlugins';

/**
 * The packages Grafana shares with plugins, by the names their AMD bundles
 * ask for (Grafana's own list is in its `sharedDependencies`; these are the
 * ones a React plugin of ours can reach). One copy of each for the page and
 * every plugin, as in Grafana: a plugin that bundled its own React or
 * @grafana/runtime would see none of the page's services.
 */
export const sharedModules: Readonly<Record<string, unknown>> = {
  '@emotion/css': emotionCss,
  '@grafana/data': grafanaData,
  '@grafana/i18n': grafanaI18n,
  '@grafana/runtime': runtimeForPlugins(grafanaRuntime),
  '@grafana/ui': grafanaUi,
  lodash,
  react,
  'react-dom': reactDom,
  'react/jsx-runtime': jsxRuntime,
  rxjs,
  'rxjs/operators': rxjsOperators,
};
