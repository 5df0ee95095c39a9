import {
  toDataFrame,
  type DataFrame,
  type DataQuery,
  type DataQueryRequest,
  type DataSourceRef,
  type TimeRange,
  type TimeZone,
} from '@grafana/data';
import { getDataSourceSrv } from '@grafana/runtime';
import { useEffect, useState } from 'react';
import { useStableByKey } from '../hooks/useStableByKey';
import { from, isObservable, type Subscription } from 'rxjs';
import type { SavedQuery } from '@touchpoint/contract/src/savedQuery';
import { messages } from '../messages';

export type DrillResult =
  | { status: 'loading' }
  | { status: 'done'; frame?: DataFrame; frames: DataFrame[]; truncated: boolean }
  | { status: 'error'; message: string };

interface Source {
  /** The datasource of the panel's own queries: drill queries go to the same service. */
  datasource?: DataSourceRef | null;
  range: TimeRange;
  timeZone: TimeZone;
  panelId: number;
}

const errorText = (error: unknown): string => {
  if (typeof error === 'object' && error !== null) {
    const { message, data } = error as { message?: unknown; data?: { message?: unknown } };
    if (typeof data?.message === 'string') {
      return data.message;
    }
    if (typeof message === 'string') {
      return message;
    }
  }
  return String(error);
};

/**
 * Runs a step's queries through the panel's datasource in one request, as
 * Grafana runs a panel's: a new step or range cancels the request in flight
 * (same requestId), and leaving the step unsubscribes, which aborts it.
 */
export const useDrillResult = (queries: SavedQuery[] | undefined, source: Source): DrillResult => {
  // The query and source by value: a re-render with equal ones does not run the query again.
  const key = JSON.stringify([
    queries,
    source.datasource,
    source.range.from.valueOf(),
    source.range.to.valueOf(),
    source.timeZone,
  ]);
  const inputs = useStableByKey(key, { queries, source });
  // Each answer says which inputs it answers, so a new step shows loading until its own answer comes.
  const [answer, setAnswer] = useState<{ inputs: typeof inputs; result: DrillResult }>();
  useEffect(() => {
    const { queries: targets, source: at } = inputs;
    if (!targets) {
      return undefined;
    }
    const settle = (result: DrillResult) => setAnswer({ inputs, result });
    let subscription: Subscription | undefined;
    let cancelled = false;
    // Inside the promise, so a Grafana without the datasource fails into the error state, not the render.
    Promise.resolve()
      .then(() => getDataSourceSrv().get(at.datasource ?? undefined))
      .then((datasource) => {
        if (cancelled) {
          return;
        }
        const request: DataQueryRequest<SavedQuery & DataQuery> = {
          requestId: `touchpoint-drill-${at.panelId}`,
          app: 'panel',
          interval: '1d',
          intervalMs: 86_400_000,
          range: at.range,
          scopedVars: {},
          targets: targets.map((target) => ({ ...target, datasource: at.datasource ?? undefined })),
          timezone: at.timeZone,
          startTime: Date.now(),
        };
        const response = datasource.query(request);
        subscription = (isObservable(response) ? response : from(response)).subscribe({
          next: (reply) => {
            const failure = reply.errors?.[0] ?? reply.error;
            if (failure) {
              settle({ status: 'error', message: errorText(failure) });
              return;
            }
            const frames = reply.data.map((data) => toDataFrame(data));
            // A step of several queries (the why step) is cut short when any of its answers is.
            const truncated = frames.some((frame) => frame.meta?.custom?.truncated === true);
            settle({ status: 'done', frame: frames[0], frames, truncated });
          },
          error: (error: unknown) => settle({ status: 'error', message: errorText(error) }),
        });
      })
      .catch((error: unknown) => {
        if (!cancelled) {
          settle({ status: 'error', message: `${messages.noDatasource} (${errorText(error)})` });
        }
      });
    return () => {
      cancelled = true;
      subscription?.unsubscribe();
    };
  }, [inputs]);
  if (!queries) {
    return { status: 'done', frames: [], truncated: false };
  }
  return answer?.inputs === inputs ? answer.result : { status: 'loading' };
};
