import type { QueryResult } from '@touchpoint/contract/src/queryRequest';
import type { DataFrameJSON } from '@touchpoint/contract/src/dataFrame';
import type { DataInfo } from '../servingDatabase';

type FrameMeta = NonNullable<DataFrameJSON['schema']['meta']>;

export type DataStamp = Pick<DataInfo, 'asOf' | 'dataVersion' | 'minN'>;

/**
 * Every frame says which data it came from, in meta.custom: its freshness
 * (asOf, for "data as of" on a wall), its version and the n below which a
 * value is low-confidence. One place for every query kind, so a SQL panel
 * knows as much as a metric one.
 */
export const withDataStamp = (result: QueryResult, info: DataStamp): QueryResult => {
  // A time series per branch is thousands of frames sharing one meta
  // object: each is stamped once, and copied with Object.assign, many times
  // faster than a spread per frame on Node 20 (see db/copyColumns.ts).
  const stamped = new Map<object | undefined, FrameMeta>();
  const stamp = (meta: FrameMeta | undefined): FrameMeta => {
    let made = stamped.get(meta);
    if (!made) {
      made = {
        ...meta,
        custom: { ...meta?.custom, asOf: info.asOf, dataVersion: info.dataVersion, minN: info.minN },
      };
      stamped.set(meta, made);
    }
    return made;
  };
  return {
    ...result,
    frames: result.frames.map((frame) =>
      Object.assign({}, frame, { schema: Object.assign({}, frame.schema, { meta: stamp(frame.schema.meta) }) })
    ),
  };
};
