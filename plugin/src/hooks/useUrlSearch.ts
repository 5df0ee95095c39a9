import type { UrlQueryMap } from '@grafana/data';
import { locationService } from '@grafana/runtime';
import { useEffect, useState } from 'react';

/** The URL's query, kept current: drill steps, variables and kiosk mode all live there. */
export const useUrlSearch = (): UrlQueryMap => {
  const [search, setSearch] = useState(() => locationService.getSearchObject());
  useEffect(() => locationService.getHistory().listen(() => setSearch(locationService.getSearchObject())), []);
  return search;
};
