import type { DataQuery, DataSourceApi, TimeRange } from '@grafana/data';
import { usePanelData } from '../usePanelData';
import { ExploreResult } from './ExploreResult';
import { exploreRequest } from './exploreRequest';
import type { ResultView } from './exploreUrl';

interface Props {
  query: DataQuery;
  datasource: DataSourceApi;
  range: TimeRange;
  /** Changes on every run, so running the same query again asks again. */
  runKey: string;
  view: ResultView | undefined;
  onView: (view: ResultView) => void;
  width: number;
  height: number;
}

/** One query run through the datasource as Grafana's query runner runs it, and its result. */
export function ExploreRun({ query, datasource, range, runKey, view, onView, width, height }: Props) {
  const data = usePanelData(exploreRequest(query, datasource, range, width), [], datasource, runKey);
  return <ExploreResult data={data} view={view} onView={onView} width={width} height={height} />;
}
