import type { DashboardVariable } from './dashboardModel';

export const ALL_VALUE = '$__all';

/**
 * A variable's selection as Grafana settles it on load: the URL's
 * `var-<name>` values first, then the value saved with the dashboard, then
 * All when offered, else the first option. Values no longer offered are
 * dropped (a branch closed since the link was made), falling through to the
 * next source.
 */
export const variableSelection = (
  variable: DashboardVariable,
  fromUrl: string[],
  offered: string[]
): string | string[] => {
  const usable = (values: string[]) =>
    values.filter((value) => (value === ALL_VALUE ? variable.includeAll : offered.includes(value)));
  const saved = variable.current.value;
  for (const candidate of [fromUrl, saved === undefined ? [] : Array.isArray(saved) ? saved : [saved]]) {
    const values = usable(candidate);
    if (values.includes(ALL_VALUE)) {
      return ALL_VALUE;
    }
    if (values.length > 0) {
      return variable.multi ? values : values[0];
    }
  }
  if (variable.includeAll) {
    return ALL_VALUE;
  }
  return variable.multi ? offered.slice(0, 1) : (offered[0] ?? '');
};
