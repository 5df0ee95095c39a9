import {
  DataSourceApi,
  LoadingState,
  type CoreApp,
  type DataQueryError,
  type DataQueryRequest,
  type DataQueryResponse,
  type DataSourceInstanceSettings,
  type LegacyMetricFindQueryOptions,
  type MetricFindValue,
  type ScopedVars,
  type TestDataSourceResponse,
} from '@grafana/data';
import { getBackendSrv, getTemplateSrv } from '@grafana/runtime';
import { catchError, lastValueFrom, map, of, type Observable } from 'rxjs';
import { catalogResponseSchema, healthSchema, type CatalogResponse } from '@touchpoint/contract/src/serviceResponses';
import { describeFailure } from './api/describeFailure';
import { servicePaths } from '@touchpoint/contract/src/servicePaths';
import { PROXY_ROUTE } from './api/serviceRoutes';
import { healthMessage } from './health/healthMessage';
import { messages } from './messages';
import { migrateQuery } from '@touchpoint/contract/src/migrateQuery';
import { newQuery, type TouchpointQuery } from '@touchpoint/contract/src/savedQuery';
import { toDataQueryResponse } from './query/toDataQueryResponse';
import { toServiceQuery, withVariablesResolved, type ServiceQuery } from './query/toServiceQuery';
import { templateResolver } from './query/variableResolver';
import type { TouchpointOptions } from './types';
import { toMetricFindValues } from './variables/toMetricFindValues';
import { migrateVariableQuery, variableSql, type VariableQuery } from './variables/variableQuery';
import { TouchpointVariableSupport } from './variables/TouchpointVariableSupport';

interface ServiceRequest {
  from: number;
  to: number;
  intervalMs?: number;
  maxDataPoints?: number;
  queries: ServiceQuery[];
}

/** Variable lists that name no time range read all of it. */
const ALL_TIME = { from: 0, to: 8_640_000_000_000 };

export class TouchpointDataSource extends DataSourceApi<TouchpointQuery, TouchpointOptions> {
  private readonly proxyUrl: string;
  private readonly serviceUrl: string | undefined;
  private catalog: Promise<CatalogResponse> | undefined;

  constructor(settings: DataSourceInstanceSettings<TouchpointOptions>) {
    super(settings);
    this.proxyUrl = `${settings.url ?? ''}/${PROXY_ROUTE}`;
    this.serviceUrl = settings.jsonData.url;
    // The query editor doubles as the annotation editor: any query returning
    // `time` (and optionally `timeEnd`, `text`, `tags`) makes annotations.
    this.annotations = {};
    this.variables = new TouchpointVariableSupport(this);
  }

  getDefaultQuery(_app: CoreApp): Partial<TouchpointQuery> {
    const { refId: _refId, ...query } = newQuery('metric', 'A');
    return query;
  }

  filterQuery(query: TouchpointQuery): boolean {
    return !query.hide && !(query.kind === 'sql' && !query.sql?.trim());
  }

  query(request: DataQueryRequest<TouchpointQuery>): Observable<DataQueryResponse> {
    const context = { resolve: templateResolver(getTemplateSrv(), request.scopedVars) };
    const errors: DataQueryError[] = [];
    const queries: ServiceQuery[] = [];
    for (const target of request.targets) {
      if (target.hide) {
        continue;
      }
      try {
        queries.push(toServiceQuery(migrateQuery(target), context));
      } catch (error) {
        errors.push({ refId: target.refId, message: error instanceof Error ? error.message : String(error) });
      }
    }
    if (queries.length === 0) {
      return of({ data: [], errors, state: errors.length > 0 ? LoadingState.Error : LoadingState.Done });
    }
    const body: ServiceRequest = {
      from: request.range.from.valueOf(),
      to: request.range.to.valueOf(),
      intervalMs: request.intervalMs,
      maxDataPoints: request.maxDataPoints,
      queries,
    };
    const refIds = queries.map((query) => query.refId);
    return this.post(body, request.requestId).pipe(
      map((response) => toDataQueryResponse(response, refIds, errors)),
      catchError((error: unknown) => {
        const message = describeFailure(error);
        return of({
          data: [],
          errors: [...errors, ...refIds.map((refId) => ({ refId, message }))],
          state: LoadingState.Error,
        });
      })
    );
  }

  /** Grafana calls this when a panel's queries open in Explore or run under a mixed datasource. */
  interpolateVariablesInQueries(queries: TouchpointQuery[], scopedVars: ScopedVars): TouchpointQuery[] {
    const resolve = templateResolver(getTemplateSrv(), scopedVars);
    return queries.map((query) => {
      try {
        return { ...query, ...withVariablesResolved(migrateQuery(query), resolve) };
      } catch {
        // Left as it is: running it will show the same problem as an error on the query.
        return query;
      }
    });
  }

  /** Options of a dashboard variable: one of the fixed lists, or any SQL. */
  async metricFindQuery(
    query: VariableQuery | string,
    options?: LegacyMetricFindQueryOptions
  ): Promise<MetricFindValue[]> {
    const variableQuery = migrateVariableQuery(query);
    const sql = variableSql(variableQuery);
    const serviceQuery = toServiceQuery(
      { ...newQuery('sql', variableQuery.refId), sql },
      { resolve: templateResolver(getTemplateSrv(), options?.scopedVars) }
    );
    const range = options?.range ? { from: options.range.from.valueOf(), to: options.range.to.valueOf() } : ALL_TIME;
    const response = await lastValueFrom(
      this.post({ ...range, queries: [serviceQuery] }).pipe(
        map((body) => toDataQueryResponse(body, [variableQuery.refId]))
      )
    ).catch((error: unknown) => {
      throw new Error(describeFailure(error), { cause: error });
    });
    const failure = response.errors?.[0];
    if (failure) {
      throw new Error(failure.message);
    }
    return toMetricFindValues(response.data[0]);
  }

  /** Health, data version and freshness from the service; the token is proven by reading the catalog. */
  async testDatasource(): Promise<TestDataSourceResponse> {
    if (!this.serviceUrl?.trim()) {
      return { status: 'error', message: messages.noUrl };
    }
    try {
      const health = healthSchema.safeParse(await this.get(servicePaths.health));
      if (!health.success) {
        const issue = health.error.issues[0];
        return {
          status: 'error',
          message: messages.notTouchpoint(`${servicePaths.health}: ${issue.path.join('.') || 'body'} ${issue.message}`),
        };
      }
      this.catalog = undefined;
      const catalog = await this.getCatalog();
      return healthMessage(health.data, catalog, Date.now());
    } catch (error) {
      return { status: 'error', message: describeFailure(error) };
    }
  }

  /** Metrics, dimensions, tables and macros for the editors; read once per datasource instance. */
  getCatalog(): Promise<CatalogResponse> {
    this.catalog ??= this.get(servicePaths.catalog).then(
      (body) => {
        const parsed = catalogResponseSchema.safeParse(body);
        if (!parsed.success) {
          throw new Error(messages.badResponse(`${servicePaths.catalog}: ${parsed.error.issues[0].message}`));
        }
        return parsed.data;
      },
      (error: unknown) => {
        throw new Error(describeFailure(error), { cause: error });
      }
    );
    this.catalog.catch(() => {
      this.catalog = undefined;
    });
    return this.catalog;
  }

  private async get(path: string): Promise<unknown> {
    const response = await lastValueFrom(
      getBackendSrv().fetch<unknown>({ url: `${this.proxyUrl}${path}`, method: 'GET', showErrorAlert: false })
    );
    return response.data;
  }

  /** Unsubscribing (a refresh, leaving the dashboard) aborts the HTTP request; a newer request with the same id replaces it. */
  private post(body: ServiceRequest, requestId?: string): Observable<unknown> {
    return getBackendSrv()
      .fetch<unknown>({
        url: `${this.proxyUrl}${servicePaths.query}`,
        method: 'POST',
        data: body,
        requestId,
        showErrorAlert: false,
      })
      .pipe(map((response) => response.data));
  }
}
