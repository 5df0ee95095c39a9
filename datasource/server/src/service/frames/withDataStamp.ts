import type { QueryResult } from '@touchpoint/contract/src/queryRequest';
import type { DataInfo } from '../servingDatabase';

export type DataStamp = Pick<DataInfo, 'asOf' | 'dataVersion' | 'minN'>;

/**
 * Every frame says which data it came from, in meta.custom: its freshness
 * (asOf, for "data as of" on a wall), its version and the n below which a
 * value is low-confidence. One place for every query kind, so a SQL panel
 * knows as much as a metric one.
 */
export const withDataStamp = (result: QueryResult, info: DataStamp): QueryResult => ({
  ...result,
  frames: result.frames.map((frame) => ({
    ...frame,
    schema: {
      ...frame.schema,
      meta: {
        ...frame.schema.meta,
        custom: { ...frame.schema.meta?.custom, asOf: info.asOf, dataVersion: info.dataVersion, minN: info.minN },
      },
    },
  })),
});
