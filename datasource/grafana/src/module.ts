import { DataSourcePlugin } from '@grafana/data';
import { ConfigEditor } from './components/ConfigEditor';
import { QueryEditor } from './components/QueryEditor';
import { QueryEditorHelp } from './components/QueryEditorHelp';
import { TouchpointDataSource } from './datasource';
import type { TouchpointQuery } from '@touchpoint/contract/src/savedQuery';
import type { TouchpointOptions, TouchpointSecureOptions } from './types';

export const plugin = new DataSourcePlugin<
  TouchpointDataSource,
  TouchpointQuery,
  TouchpointOptions,
  TouchpointSecureOptions
>(TouchpointDataSource)
  .setConfigEditor(ConfigEditor)
  .setQueryEditor(QueryEditor)
  .setQueryEditorHelp(QueryEditorHelp);
