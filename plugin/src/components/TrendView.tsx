import { css } from '@emotion/css';
import { dateTimeForTimeZone, type GrafanaTheme2 } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';
import { messages } from '../messages';
import type { TrendModel } from '../model/trendCharts';
import { trendLayout } from '../model/trendLayout';
import { trendType } from '../model/trendType';
import { TrendChart } from './TrendChart';
import type { TrendLegendLook } from './TrendLegend';
import { legendText, overlayColorKey, trendLegendItems } from './trendLegendItems';
import type { ViewProps } from './viewProps';

/**
 * Series colours by name, in order of first use. Green and red are left
 * out: beside a goal line they would read as "good" and "bad" for what is
 * only a branch or a channel.
 */
const palette = [
  'blue',
  'orange',
  'purple',
  'yellow',
  'light-blue',
  'semi-dark-orange',
  'light-purple',
  'dark-yellow',
  'dark-blue',
  'super-light-purple',
];

/** Dash patterns per overlay metric, in multiples of the line width: overlays are always dashed, interaction lines never. */
const overlayDashes = [
  [4, 3],
  [1, 2],
  [6, 2, 1, 2],
];

/**
 * The CSAT / CES trend: one chart per interaction metric (their scales
 * differ), stacked on a shared time axis, with the relationship overlays
 * on each chart's labelled right axis. A point opens that day's contacts.
 */
export const TrendView = ({ model, options, width, height, wall, timeZone, onDrill }: ViewProps<TrendModel>) => {
  const theme = useTheme2();
  const overlays = options.showOverlay ? model.overlays : [];
  const skipped = options.showOverlay && model.skippedOverlays.length > 0;
  const type = trendType({ width, height, wall, charts: model.charts.length });
  const styles = useStyles2(getStyles, type.fontSize, type.lineHeight);

  const colorKeys = [
    ...new Set([
      ...model.charts.flatMap((chart) => chart.lines.map((line) => line.name)),
      ...overlays.flatMap((overlay) => overlay.lines.map((line) => overlayColorKey(overlay, line))),
    ]),
  ];
  const look: TrendLegendLook = {
    fontSize: type.fontSize,
    lineHeight: type.lineHeight,
    lineWidth: type.lineWidth,
    colorOf: (key) => theme.visualization.getColorByName(palette[Math.max(0, colorKeys.indexOf(key)) % palette.length]),
    dashOf: (index) => overlayDashes[index % overlayDashes.length].map((dash) => dash * type.lineWidth).join(' '),
    barFill: theme.colors.emphasize(theme.colors.background.primary, 0.15),
    background: theme.colors.background.primary,
    textColor: theme.colors.text.primary,
  };

  const legends = model.charts.map((chart) =>
    trendLegendItems({ chart, overlays, wall, compact: type.compact, minN: model.minN })
  );
  const noteHeight = skipped ? type.lineHeight : 0;
  const layout = trendLayout({
    width,
    height: height - noteHeight,
    type,
    legends: legends.map((items) => items.map(legendText)),
  });
  // Half a bucket either side, so the first and last bars are not cut in half.
  const xDomain: [number, number] = [model.timeRange.from - model.step / 2, model.timeRange.to + model.step / 2];
  const timeOffset = dateTimeForTimeZone(timeZone, model.timeRange.from).utcOffset() * 60_000;

  return (
    <div className={styles.view} style={{ width, height, overflowY: layout.overflows ? 'auto' : 'hidden' }}>
      {model.charts.map((chart, i) => (
        <TrendChart
          key={chart.metric.metric}
          chart={chart}
          overlays={overlays}
          legend={legends[i]}
          look={look}
          type={type}
          width={width}
          plotHeight={layout.charts[i].plotHeight}
          xDomain={xDomain}
          step={model.step}
          showGoals={options.showGoals}
          showTimeLabels={i === model.charts.length - 1}
          timeZone={timeZone}
          timeOffset={timeOffset}
          wall={wall}
          onDrill={onDrill}
        />
      ))}
      {skipped ? (
        <p className={styles.note}>
          {messages.trend.overlaySkipped(
            model.skippedOverlays.join(', '),
            overlays.map((overlay) => overlay.metric.label).join(', ')
          )}
        </p>
      ) : null}
    </div>
  );
};

const getStyles = (theme: GrafanaTheme2, fontSize: number, lineHeight: number) => ({
  view: css({ display: 'flex', flexDirection: 'column', overflowX: 'hidden' }),
  note: css({
    margin: 0,
    fontSize,
    lineHeight: `${lineHeight}px`,
    color: theme.colors.text.secondary,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  }),
});
