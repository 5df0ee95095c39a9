import type { DuckDBConnection } from '@duckdb/node-api';
import { querySchema, type Query, type QueryRequest, type QueryResult } from '@touchpoint/contract/src/queryRequest';
import type { KeptWholeDays } from '../../journey/journeyEdges';
import { runJourney } from '../../journey/runJourney';
import type { KeptMetricDays } from '../../metrics/runKeptMetric';
import { readFrame, type ResultCaps } from '../frames/readFrame';
import { tableFrame, timeSeriesFrames } from '../frames/toFrames';
import { withDataStamp } from '../frames/withDataStamp';
import { QueryError } from '../queryError';
import type { QueryClass, QueryRunner, WaitAside } from '../queryRunner';
import type { ServingDatabase } from '../servingDatabase';
import { bindStatement } from './bindStatement';
import { chooseInterval } from './chooseInterval';
import { metricFrames } from './metricFrames';
import { metricRows } from './metricRows';
import { effectiveRange, requestIntervalMs } from './requestRange';
import type { WholeDaysCache } from './wholeDaysCache';
import { wholeDaysKeeper } from './wholeDaysKeeper';

export interface ExecuteContext {
  runner: QueryRunner;
  caps: ResultCaps;
  /** The journey's counts over whole days, kept per data version (wholeDaysCache.ts). */
  journeyDays: WholeDaysCache<KeptWholeDays>;
  /** Metrics' sums over whole days, kept per data version (wholeDaysCache.ts). */
  metricDays: WholeDaysCache<KeptMetricDays>;
}

/** Parses one query of a request; a malformed one fails alone, naming what is wrong. */
export const parseQuery = (raw: unknown): Query => {
  const parsed = querySchema.safeParse(raw);
  if (parsed.success) {
    return parsed.data;
  }
  const issue = parsed.error.issues[0];
  const at = issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  throw new QueryError('bad_request', `invalid query${at}: ${issue.message}`, { cause: parsed.error });
};

/** Rows across a result's frames, for the query log. */
export const frameRows = (result: QueryResult) =>
  result.frames.reduce((sum, f) => sum + (f.data.values[0]?.length ?? 0), 0);

/** Runs one parsed query to its frames. */
export const executeQuery = async (
  context: ExecuteContext,
  request: QueryRequest,
  query: Query,
  signal: AbortSignal
): Promise<QueryResult> => {
  const { caps } = context;
  // Each kind runs on the runner and its frames get the data's stamp, once, here.
  // Settles when this query has answered (or failed): a count of whole days its keeper starts waits for it.
  let answer: () => void = () => undefined;
  const answered = new Promise<void>((resolve) => (answer = resolve));
  const runner = {
    run: async (
      lane: QueryClass,
      work: (
        connection: DuckDBConnection,
        database: ServingDatabase,
        stopped: AbortSignal,
        aside: WaitAside
      ) => Promise<QueryResult>
    ) => {
      try {
        return await context.runner.run(lane, signal, async (connection, database, stopped, aside) =>
          withDataStamp(await work(connection, database, stopped, aside), database.info)
        );
      } finally {
        answer();
      }
    },
  };
  switch (query.kind) {
    case 'sql':
      return runner.run('adhoc', async (connection, database) => {
        const { bound, range, fill } = await bindStatement(connection, database, request, query);
        const stream = await connection.stream(bound.sql, bound.params, bound.types);
        const columns = await readFrame(stream, caps);
        const options = { refId: query.refId, executedQueryString: bound.sql };
        const frames =
          query.format === 'time_series'
            ? timeSeriesFrames(columns, { ...options, fill, range })
            : [tableFrame(columns, options)];
        return { frames, ...(columns.truncated ? { truncated: true } : {}) };
      });
    case 'metric':
      return runner.run('dashboard', async (connection, database, stopped, aside) => {
        const metric = database.metrics.get(query.metric);
        if (!metric) {
          throw new QueryError(
            'unknown_metric',
            `no metric '${query.metric}' in the catalog; known: ${[...database.metrics.keys()].join(', ')}`
          );
        }
        const range = effectiveRange(request, database.info.asOf);
        const interval = query.interval
          ? chooseInterval(query.interval, range, request.maxDataPoints, requestIntervalMs(request, range))
          : undefined;
        if (query.compare && interval) {
          throw new QueryError(
            'bad_request',
            `compare '${query.compare}' needs a whole-range query: remove the interval, or compare in a time series by shifting the panel's time`
          );
        }
        const { source, sql, rows } = await metricRows(connection, {
          metric,
          query: { ...query, interval },
          range,
          columnsOf: database.columns,
          keeper: wholeDaysKeeper(context.metricDays, database.info.version, stopped, aside, answered),
        });
        const notices =
          interval !== query.interval && query.interval !== 'auto'
            ? [
                {
                  severity: 'info' as const,
                  text: `Shown by ${interval}: by ${query.interval} there would be more points than the panel can draw.`,
                },
              ]
            : [];
        const meta = {
          executedQueryString: sql,
          ...(notices.length > 0 ? { notices } : {}),
          custom: { source, interval },
        };
        const frames = metricFrames(rows, {
          refId: query.refId,
          metric,
          groupBy: query.groupBy,
          timeSeries: interval !== undefined,
          compared: query.compare !== undefined,
          minN: database.info.minN,
          meta,
          branches: database.branches,
        });
        return { frames };
      });
    case 'drill':
      return runner.run('dashboard', async (connection, database) => {
        const { bound } = await bindStatement(connection, database, request, query);
        const stream = await connection.stream(bound.sql, bound.params, bound.types);
        const columns = await readFrame(stream, caps);
        return {
          frames: [tableFrame(columns, { refId: query.refId, custom: { drill: query.drill } })],
          ...(columns.truncated ? { truncated: true } : {}),
        };
      });
    case 'journey':
      return runner.run('dashboard', async (connection, database, stopped, aside) => {
        const range = effectiveRange(request, database.info.asOf);
        const keeper = wholeDaysKeeper(context.journeyDays, database.info.version, stopped, aside, answered);
        const { sql, result } = await runJourney(connection, query, range, keeper);
        // The window the warehouse was built with, read once when it was opened: a view says "within 90 days" from the data.
        const { churnWindowDays } = database.info;
        const meta = {
          refId: query.refId,
          executedQueryString: sql,
          custom: { journey: { groupBy: query.groupBy, churnWindowDays } },
        };
        return { frames: [tableFrame(result, meta)] };
      });
  }
};
