import { useEffect, useState } from 'react';
import type { CatalogResponse } from '@touchpoint/contract/src/serviceResponses';
import type { TouchpointDataSource } from '../datasource';

export type CatalogState =
  { status: 'loading' } | { status: 'ready'; catalog: CatalogResponse } | { status: 'failed'; message: string };

/** The service's catalog for an editor; a failure is shown, never an endless spinner. */
export const useCatalog = (datasource: TouchpointDataSource): CatalogState => {
  const [state, setState] = useState<CatalogState>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    datasource.getCatalog().then(
      (catalog) => current && setState({ status: 'ready', catalog }),
      (error: unknown) =>
        current && setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) })
    );
    return () => {
      current = false;
    };
  }, [datasource]);
  return state;
};
