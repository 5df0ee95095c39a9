import type { DataQuery, UrlQueryMap } from '@grafana/data';
import { z } from 'zod';

/** Explore's one query, as Grafana names the first query of a pane. */
export const EXPLORE_REF_ID = 'A';

/** The range Explore opens on when the URL names none: the last 90 days, as the leadership board. */
export const EXPLORE_DEFAULT_RANGE = { from: 'now-90d', to: 'now' } as const;

export const resultViews = ['table', 'time_series'] as const;
export type ResultView = (typeof resultViews)[number];

/** The datasource reads the rest of the query (and migrates it); Explore only needs it to be an object with a refId. */
const urlQuerySchema = z.looseObject({ refId: z.string().default(EXPLORE_REF_ID) });

export interface ExploreUrlState {
  /** The query last run, or undefined when the URL has none yet. */
  query: DataQuery | undefined;
  /** The raw text of the `query` parameter: a new one is a new run. */
  queryText: string;
  view: ResultView | undefined;
  /** Why the URL's query was not used, naming the parameter. */
  problem?: string;
}

const textOf = (value: unknown): string => (Array.isArray(value) ? String(value[0] ?? '') : String(value ?? ''));

/**
 * Explore's state from its URL, as Grafana keeps a pane's in `?left=`, but
 * flatter: `?query=<the query as JSON>&from=…&to=…&view=table`. A link
 * that cannot be read says why instead of failing the page.
 */
export const exploreUrlState = (search: UrlQueryMap): ExploreUrlState => {
  const queryText = textOf(search.query);
  const viewText = textOf(search.view);
  const view = (resultViews as readonly string[]).includes(viewText) ? (viewText as ResultView) : undefined;
  if (!queryText) {
    return { query: undefined, queryText, view };
  }
  let json: unknown;
  try {
    json = JSON.parse(queryText);
  } catch (error) {
    return {
      query: undefined,
      queryText,
      view,
      problem: `the URL's query parameter is not JSON (${error instanceof Error ? error.message : String(error)})`,
    };
  }
  const parsed = urlQuerySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      query: undefined,
      queryText,
      view,
      problem: `the URL's query parameter is not a query: ${issue.path.join('.') || 'query'} ${issue.message}`,
    };
  }
  return { query: { ...parsed.data, refId: EXPLORE_REF_ID }, queryText, view };
};

/** The URL parameter that keeps a query: its JSON, without the datasource reference the page adds anyway. */
export const queryParam = (query: DataQuery): string => {
  const { datasource: _datasource, ...rest } = query;
  return JSON.stringify(rest);
};
