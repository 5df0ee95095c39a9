import { toDataFrame, type DataFrame, type DataQuery, type DataQueryRequest, type DataSourceRef, type TimeRange, type TimeZone } from '@grafana/data';
import { getDataSourceSrv } from '@grafana/runtime';
import { useEffect, useState } from 'react';
import { from, isObservable, type Subscription } from 'rxjs';
import type { SavedDrillQuery } from '@touchpoint/contract/src/savedQuery';
import { messages } from '../messages';

export type DrillResult =
  | { status: 'loading' }
  | { status: 'done'; frame?: DataFrame; truncated: boolean }
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
    if (typeof data?.message === 'string') return data.message;
    if (typeof message === 'string') return message;
  }
  return String(error);
};

/**
 * Runs one drill query through the panel's datasource, as Grafana runs any
 * query: a new step or range cancels the request in flight (same requestId),
 * and leaving the step unsubscribes, which aborts it.
 */
export const useDrillResult = (query: SavedDrillQuery | undefined, source: Source): DrillResult => {
  const [result, setResult] = useState<DrillResult>({ status: 'loading' });
  const key = JSON.stringify([query, source.datasource, source.range.from.valueOf(), source.range.to.valueOf(), source.timeZone]);
  useEffect(() => {
    if (!query) return undefined;
    setResult({ status: 'loading' });
    let subscription: Subscription | undefined;
    let cancelled = false;
    // Inside the promise, so a Grafana without the datasource fails into the error state, not the render.
    Promise.resolve()
      .then(() => getDataSourceSrv().get(source.datasource ?? undefined))
      .then((datasource) => {
        if (cancelled) return;
        const request: DataQueryRequest<SavedDrillQuery & DataQuery> = {
          requestId: `touchpoint-drill-${source.panelId}`,
          app: 'panel',
          interval: '1d',
          intervalMs: 86_400_000,
          range: source.range,
          scopedVars: {},
          targets: [{ ...query, datasource: source.datasource ?? undefined }],
          timezone: source.timeZone,
          startTime: Date.now(),
        };
        const response = datasource.query(request);
        subscription = (isObservable(response) ? response : from(response)).subscribe({
          next: (answer) => {
            const failure = answer.errors?.[0] ?? answer.error;
            if (failure) {
              setResult({ status: 'error', message: errorText(failure) });
              return;
            }
            const frame = answer.data.length > 0 ? toDataFrame(answer.data[0]) : undefined;
            setResult({ status: 'done', frame, truncated: frame?.meta?.custom?.truncated === true });
          },
          error: (error: unknown) => setResult({ status: 'error', message: errorText(error) }),
        });
      })
      .catch((error: unknown) => {
        if (!cancelled) setResult({ status: 'error', message: `${messages.noDatasource} (${errorText(error)})` });
      });
    return () => {
      cancelled = true;
      subscription?.unsubscribe();
    };
    // `key` stands for the query and source by value, so a re-render with equal ones does not re-run it.
  }, [key]);
  return query ? result : { status: 'done', truncated: false };
};
