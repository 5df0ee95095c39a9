import type { UrlQueryMap } from '@grafana/data';
import { locationService } from '@grafana/runtime';
import { useEffect, useState } from 'react';

/** The URL's query, kept current: variables, time range, kiosk and the panels' drill paths live there. */
export const useLocationSearch = (): UrlQueryMap => {
  const [search, setSearch] = useState(() => locationService.getSearchObject());
  useEffect(() => locationService.getHistory().listen(() => setSearch(locationService.getSearchObject())), []);
  return search;
};

/** A URL parameter as a list, however many times it appears. */
export const searchValues = (search: UrlQueryMap, name: string): string[] => {
  const value = search[name];
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
};
