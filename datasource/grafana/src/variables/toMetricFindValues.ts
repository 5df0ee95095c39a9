import type { DataFrame, MetricFindValue } from '@grafana/data';

const named = (frame: DataFrame, ...names: string[]) =>
  names.map((name) => frame.fields.find((field) => field.name === name)).find((field) => field !== undefined);

/**
 * Options from a table: `value` and `text` columns (or Grafana's SQL
 * convention `__value` and `__text`); otherwise the first column is both.
 * Duplicates and nulls are dropped, order kept.
 */
export const toMetricFindValues = (frame: DataFrame | undefined): MetricFindValue[] => {
  if (!frame || frame.fields.length === 0) {
    return [];
  }
  const valueField = named(frame, 'value', '__value') ?? frame.fields[0];
  const textField = named(frame, 'text', '__text') ?? valueField;
  const seen = new Set<string>();
  const options: MetricFindValue[] = [];
  for (let row = 0; row < frame.length; row++) {
    const value = valueField.values[row];
    if (value === null || value === undefined) {
      continue;
    }
    const key = String(value);
    if (seen.has(key)) {
      continue;
    }
    seen.add(key);
    const text = textField.values[row];
    options.push({ value: key, text: text === null || text === undefined ? key : String(text) });
  }
  return options;
};
