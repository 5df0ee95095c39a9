import { LoadingState, type PanelData } from '@grafana/data';
import { Alert, InlineField, LoadingBar, RadioButtonGroup, Stack, Text, useTheme2 } from '@grafana/ui';
import { useMemo } from 'react';
import { displayFrames } from './displayFrames';
import { exploreTestIds, exploreText } from './exploreText';
import type { ResultView } from './exploreUrl';
import { ResultTable } from './ResultTable';
import { ResultTimeSeries } from './ResultTimeSeries';
import { possibleViews, shownView } from './resultView';

interface Props {
  /** The run's data; undefined before anything ran. */
  data: PanelData | undefined;
  view: ResultView | undefined;
  onView: (view: ResultView) => void;
  width: number;
  height: number;
}

/**
 * What a run returned, as Grafana's Explore shows it: a thin loading bar
 * while it runs (never an error), each query error in an error alert with
 * the service's message, and the frames as a time series or a table.
 */
export function ExploreResult({ data, view, onView, width, height }: Props) {
  const theme = useTheme2();
  const series = useMemo(() => data?.series ?? [], [data?.series]);
  const shown = shownView(series, view);
  const views = possibleViews(series);
  const frames = useMemo(() => displayFrames(series, shown, theme, 'browser'), [series, shown, theme]);
  if (!data) {
    return <Text color="secondary">{exploreText.nothingRun}</Text>;
  }
  const loading = data.state === LoadingState.Loading;
  const errors = loading ? [] : (data.errors ?? (data.error ? [data.error] : []));
  const hasRows = frames.some((frame) => frame.length > 0);
  return (
    <Stack direction="column" gap={1}>
      <div style={{ height: 1 }} data-testid={loading ? exploreTestIds.loading : undefined}>
        {loading && <LoadingBar width={width} />}
      </div>
      {errors.map((error, index) => (
        <Alert key={index} severity="error" title={exploreText.queryError} data-testid={exploreTestIds.error}>
          {error.message || error.data?.message}
        </Alert>
      ))}
      {views.length > 1 && (
        <InlineField label={exploreText.view} labelWidth={12}>
          <RadioButtonGroup
            data-testid={exploreTestIds.viewPicker}
            options={views.map((value) => ({ label: exploreText.views[value], value }))}
            value={shown}
            onChange={onView}
          />
        </InlineField>
      )}
      {hasRows &&
        (shown === 'time_series' ? (
          <ResultTimeSeries frames={frames} range={data.timeRange} width={width} height={height} />
        ) : (
          <ResultTable frames={frames} width={width} height={height} />
        ))}
      {!hasRows && !loading && errors.length === 0 && <Text color="secondary">{exploreText.noData}</Text>}
    </Stack>
  );
}
