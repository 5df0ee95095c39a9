import { css } from '@emotion/css';
import { CoreApp, type DataQuery, type DataSourceApi, type GrafanaTheme2, type TimeRange } from '@grafana/data';
import { locationService } from '@grafana/runtime';
import { Alert, Button, Stack, TimeRangeInput, useStyles2 } from '@grafana/ui';
import { useLayoutEffect, useRef, useState } from 'react';
import { useStableByKey } from '@touchpoint/scorecard-panel/src/hooks/useStableByKey';
import { useUrlSearch } from '@touchpoint/scorecard-panel/src/hooks/useUrlSearch';
import type { QueryEditor } from '../bootPreview';
import type { PreviewBoot } from '../previewBoot';
import { timeRangeOf } from '../timeRangeOf';
import { useWindowWidth } from '../useWindowWidth';
import { ExploreHeader } from './ExploreHeader';
import { ExploreResult } from './ExploreResult';
import { ExploreRun } from './ExploreRun';
import { exploreTestIds, exploreText } from './exploreText';
import { EXPLORE_DEFAULT_RANGE, EXPLORE_REF_ID, exploreUrlState, queryParam, type ResultView } from './exploreUrl';

interface Props {
  boot: PreviewBoot;
  datasource: DataSourceApi;
  queryEditor: QueryEditor | undefined;
}

/** How tall the table or graph is drawn. */
const RESULT_HEIGHT = 420;
/** Explore reads its range as a dashboard does, from `from` and `to`, in the browser's zone. */
const EXPLORE_TIME = { time: EXPLORE_DEFAULT_RANGE, timezone: 'browser' };

/** A range end as Grafana's URL writes it: relative text as it is, an absolute time in epoch milliseconds. */
const urlTime = (value: TimeRange['raw']['from']) => (typeof value === 'string' ? value : String(value.valueOf()));

/**
 * Grafana's Explore for the preview's one datasource: the plugin's own query
 * editor, a range, Run (or the editor's Ctrl/Cmd+Enter), and the result.
 * The URL holds the query last run, the range and the view, so a link or a
 * reload shows the same.
 */
export function ExplorePage({ boot, datasource, queryEditor: Editor }: Props) {
  const styles = useStyles2(getStyles);
  const search = useUrlSearch();
  const url = exploreUrlState(search);
  const width = useWindowWidth();
  const resultWidth = Math.max(200, width - 32);
  const { from, to } = search;
  const range = useStableByKey(JSON.stringify([from, to]), timeRangeOf(EXPLORE_TIME, { from, to }));

  const [draft, setDraft] = useState<DataQuery>(
    () => url.query ?? { ...datasource.getDefaultQuery?.(CoreApp.Explore), refId: EXPLORE_REF_ID }
  );
  // The editor calls onChange then onRunQuery in one go (Ctrl/Cmd+Enter): run what it just sent, not the last render's.
  const latest = useRef(draft);
  useLayoutEffect(() => {
    latest.current = draft;
  }, [draft]);
  // A query arriving by the URL (back, forward) becomes the editor's.
  const [seen, setSeen] = useState(url.queryText);
  if (seen !== url.queryText) {
    setSeen(url.queryText);
    if (url.query) {
      setDraft(url.query);
    }
  }
  const [runs, setRuns] = useState(0);

  const onChange = (query: DataQuery) => {
    latest.current = query;
    setDraft(query);
  };
  const onRunQuery = () => {
    locationService.partial({ query: queryParam(latest.current) });
    setRuns((count) => count + 1);
  };

  return (
    <div className={styles.app} data-testid={exploreTestIds.page}>
      <ExploreHeader dashboards={boot.dashboards} datasourceName={datasource.name} />
      <main className={styles.main}>
        <Stack gap={1} alignItems="center" wrap="wrap">
          <div data-testid={exploreTestIds.range}>
            <TimeRangeInput
              value={range}
              hideTimeZone
              onChange={(next) => locationService.partial({ from: urlTime(next.raw.from), to: urlTime(next.raw.to) })}
            />
          </div>
          <Button icon="play" onClick={onRunQuery} data-testid={exploreTestIds.run}>
            {exploreText.run}
          </Button>
        </Stack>
        {url.problem && (
          <Alert severity="warning" title={exploreText.badUrl} data-testid={exploreTestIds.urlProblem}>
            {url.problem}
          </Alert>
        )}
        {Editor ? (
          <Editor
            datasource={datasource}
            query={draft}
            onChange={onChange}
            onRunQuery={onRunQuery}
            app={CoreApp.Explore}
            range={range}
          />
        ) : (
          <Alert severity="error" title={exploreText.noEditor} />
        )}
        {url.query ? (
          <ExploreRun
            query={url.query}
            datasource={datasource}
            range={range}
            runKey={`${url.queryText}|${range.from.valueOf()}|${range.to.valueOf()}|${runs}`}
            view={url.view}
            onView={(view: ResultView) => locationService.partial({ view }, true)}
            width={resultWidth}
            height={RESULT_HEIGHT}
          />
        ) : (
          <ExploreResult data={undefined} view={url.view} onView={() => undefined} width={resultWidth} height={0} />
        )}
      </main>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  app: css({ minHeight: '100vh', background: theme.colors.background.canvas, color: theme.colors.text.primary }),
  main: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(2), padding: theme.spacing(2) }),
});
