import type { UrlQueryMap } from '@grafana/data';

/** A URL parameter as a list, however many times it appears (`var-branch` may repeat). */
export const searchValues = (search: UrlQueryMap, name: string): string[] => {
  const value = search[name];
  if (value === undefined || value === null) {
    return [];
  }
  return (Array.isArray(value) ? value : [value]).map(String);
};
