import { FieldType, type DataFrame } from '@grafana/data';
import { fieldNamed } from './metricField';

/**
 * Branch names by id from any frame that carries both (a SQL query over
 * dim_branches): metric frames group by branch_id only, so a panel names
 * its branches when its queries include one.
 */
export const branchNamesOf = (frames: DataFrame[]): Map<string, string> => {
  const names = new Map<string, string>();
  for (const frame of frames) {
    const id = fieldNamed(frame, 'branch_id');
    const name = fieldNamed(frame, 'branch_name');
    if (id?.type !== FieldType.string || name?.type !== FieldType.string) {
      continue;
    }
    id.values.forEach((value, index) => {
      const text: unknown = name.values[index];
      if (typeof value === 'string' && typeof text === 'string' && text !== '') {
        names.set(value, text);
      }
    });
  }
  return names;
};
