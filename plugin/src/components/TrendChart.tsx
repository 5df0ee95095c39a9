import { css } from '@emotion/css';
import { dateTimeFormat, type GrafanaTheme2, type TimeZone } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';
import type { DrillStep } from '../drill/drillPath';
import { messages, testIds } from '../messages';
import { decimalsNeeded } from '../model/decimalsNeeded';
import { formatMetric } from '../model/formatMetric';
import { linearScale } from '../model/linearScale';
import { linePath } from '../model/linePath';
import type { MetricInfo } from '../model/metricField';
import { textWidth } from '../model/textWidth';
import { timeTicks } from '../model/timeTicks';
import type { TrendChart as ChartModel, TrendSeries } from '../model/trendCharts';
import type { TrendType } from '../model/trendType';
import { utcDay } from '../model/utcDay';
import { yDomain } from '../model/yDomain';
import { TrendGoal } from './TrendGoal';
import { TrendLegend, type TrendLegendLook } from './TrendLegend';
import { TrendOverlayLines } from './TrendOverlayLines';
import { TrendPoint } from './TrendPoint';
import { seriesName, type TrendLegendItem } from './trendLegendItems';

export interface TrendChartProps {
  chart: ChartModel;
  /** Relationship series for the right axis; empty when the option is off. */
  overlays: TrendSeries[];
  legend: TrendLegendItem[];
  look: TrendLegendLook;
  type: TrendType;
  width: number;
  /** Height of the SVG; the title and legend come on top of it. */
  plotHeight: number;
  xDomain: [number, number];
  step: number;
  showGoals: boolean;
  /** Only the bottom chart writes the shared time axis. */
  showTimeLabels: boolean;
  timeZone: TimeZone;
  /** The time zone's offset from UTC at the start of the range, for tick boundaries. */
  timeOffset: number;
  wall: boolean;
  onDrill: (step: DrillStep) => void;
}

// Baseline shifts as dy rather than dominant-baseline, which not every SVG renderer honours.
const MIDDLE = '0.35em';
const HANGING = '0.8em';

/** The share of the plot's height the response bars may take, so they stay a backdrop to the lines. */
const BAR_SHARE = 0.2;

const axisLabels = (metric: MetricInfo, ticks: number[]) => {
  const decimals = Math.max(0, ...ticks.map((tick) => decimalsNeeded(tick, metric.decimals ?? 2)));
  return ticks.map((tick) => formatMetric(tick, metric, decimals));
};

const widest = (labels: string[], fontSize: number) =>
  Math.max(0, ...labels.map((label) => textWidth(label, fontSize)));

/**
 * One interaction metric over time: its lines and clickable points on the
 * left axis, responses as light bars along the bottom, the goal as a
 * labelled dashed line, and relationship overlays dashed on a labelled
 * right axis.
 */
export const TrendChart = (props: TrendChartProps) => {
  const {
    chart,
    overlays,
    legend,
    look,
    type,
    width,
    plotHeight,
    xDomain,
    step,
    showGoals,
    showTimeLabels,
    timeZone,
    timeOffset,
    wall,
    onDrill,
  } = props;
  const theme = useTheme2();
  const styles = useStyles2(getStyles, type.fontSize, type.lineHeight, type.lineWidth);
  const { metric } = chart;
  const { fontSize, lineHeight, lineWidth, pointRadius } = type;
  const title = messages.trend.title(metric.label);
  const goal = showGoals ? metric.goal : null;
  const overlayMetric = overlays[0]?.metric;

  const top = Math.ceil(fontSize / 2) + 2;
  const bottom = showTimeLabels ? lineHeight + 4 : Math.ceil(fontSize / 2) + 2;
  const innerHeight = Math.max(10, plotHeight - top - bottom);
  const maxTicks = Math.max(2, Math.floor(innerHeight / (lineHeight * 1.5)));

  const left = yDomain(
    chart.lines.flatMap((line) => line.points.map((point) => point.value)),
    { goal, min: metric.min, max: metric.max },
    maxTicks
  );
  const leftLabels = axisLabels(metric, left.ticks);
  const right = overlayMetric
    ? yDomain(
        overlays.flatMap((overlay) => overlay.lines.flatMap((line) => line.points.map((point) => point.value))),
        { min: overlayMetric.min, max: overlayMetric.max },
        maxTicks
      )
    : undefined;
  const rightLabels = right && overlayMetric ? axisLabels(overlayMetric, right.ticks) : [];

  const gap = Math.round(fontSize * 0.5);
  const plotLeft = widest(leftLabels, fontSize) + gap * 2;
  const plotRight = width - (right ? widest(rightLabels, fontSize) + gap * 2 : fontSize);
  const plotBottom = top + innerHeight;
  const x = linearScale(xDomain, [plotLeft, Math.max(plotLeft + 1, plotRight)]);
  const y = linearScale(left.domain, [plotBottom, top]);
  const yRight = right ? linearScale(right.domain, [plotBottom, top]) : undefined;

  const formatTime = (time: number, format: string) => dateTimeFormat(time, { format, timeZone });
  const ticks = timeTicks(
    xDomain[0],
    xDomain[1],
    (format) => (plotRight - plotLeft) / (textWidth(formatTime(xDomain[1], format), fontSize) + fontSize * 1.5),
    { offsetMs: timeOffset, minStepMs: step }
  );
  const maxN = Math.max(0, ...chart.responses.map((bucket) => bucket.n));
  const barWidth = Math.max(1, (x(xDomain[0] + step) - x(xDomain[0])) * 0.6);
  const barScale = linearScale([0, Math.max(1, maxN)], [0, innerHeight * BAR_SHARE]);

  return (
    <section className={styles.chart} data-testid={testIds.trendChart(metric.metric)}>
      <div className={styles.header}>
        <h3 className={styles.title} title={title}>
          {title}
        </h3>
        {/* Over the right axis, in the title's line: the second axis is named where it is, never left to guess. */}
        {overlayMetric ? (
          <span className={styles.axisTitle}>
            {messages.trend.overlayAxis(overlays.map((overlay) => overlay.metric.label).join(', '))}
          </span>
        ) : null}
      </div>
      <TrendLegend items={legend} look={look} wall={wall} />
      <svg width={width} height={plotHeight} role="group" aria-label={title} className={styles.svg}>
        <g aria-hidden="true" fill={theme.colors.text.secondary}>
          {left.ticks.map((tick, i) => (
            <g key={`y${tick}`}>
              <line x1={plotLeft} x2={plotRight} y1={y(tick)} y2={y(tick)} stroke={theme.colors.border.weak} />
              <text x={plotLeft - gap} y={y(tick)} dy={MIDDLE} textAnchor="end">
                {leftLabels[i]}
              </text>
            </g>
          ))}
          {right && yRight
            ? right.ticks.map((tick, i) => (
                <text key={`r${tick}`} x={plotRight + gap} y={yRight(tick)} dy={MIDDLE}>
                  {rightLabels[i]}
                </text>
              ))
            : null}
          {ticks.times.map((time) => (
            <g key={`x${time}`}>
              <line x1={x(time)} x2={x(time)} y1={top} y2={plotBottom} stroke={theme.colors.border.weak} />
              {showTimeLabels ? (
                <text x={x(time)} y={plotBottom + 4} dy={HANGING} textAnchor="middle">
                  {formatTime(time, ticks.format)}
                </text>
              ) : null}
            </g>
          ))}
        </g>
        {chart.responses.map((bucket) => (
          <rect
            key={`n${bucket.time}`}
            x={x(bucket.time) - barWidth / 2}
            y={plotBottom - barScale(bucket.n)}
            width={barWidth}
            height={barScale(bucket.n)}
            fill={look.barFill}
          >
            <title>{`${messages.trend.responses}: ${bucket.n.toLocaleString('en-US')}, ${utcDay(bucket.time)}`}</title>
          </rect>
        ))}
        {goal !== null ? (
          <TrendGoal
            metric={metric}
            goal={goal}
            y={y(goal)}
            left={plotLeft}
            right={plotRight}
            lineWidth={lineWidth}
            color={theme.colors.text.secondary}
            textColor={theme.colors.text.primary}
            background={look.background}
          />
        ) : null}
        {yRight ? (
          <TrendOverlayLines overlays={overlays} x={x} y={yRight} look={look} pointRadius={pointRadius} />
        ) : null}
        {chart.lines.map((line) => {
          const color = look.colorOf(line.name);
          const name = seriesName(metric, line);
          return (
            <g key={line.key}>
              <path
                d={linePath(line.points, x, y)}
                fill="none"
                stroke={color}
                strokeWidth={lineWidth}
                strokeLinejoin="round"
              />
              {line.points.map((point) => {
                if (point.value === null) {
                  return null;
                }
                const value = formatMetric(point.value, metric);
                const day = utcDay(point.time);
                return (
                  <TrendPoint
                    key={point.time}
                    x={x(point.time)}
                    y={y(point.value)}
                    radius={pointRadius}
                    color={color}
                    hollowFill={point.lowConfidence ? look.background : undefined}
                    strokeWidth={lineWidth / 2}
                    label={messages.trend.point(name, value, day, point.n, point.lowConfidence)}
                    title={messages.trend.pointTitle(name, value, day, point.n, point.lowConfidence)}
                    className={styles.point}
                    onActivate={() => onDrill({ kind: 'day', day })}
                  />
                );
              })}
            </g>
          );
        })}
      </svg>
    </section>
  );
};

const getStyles = (theme: GrafanaTheme2, fontSize: number, lineHeight: number, lineWidth: number) => ({
  chart: css({ display: 'flex', flexDirection: 'column', minWidth: 0 }),
  header: css({
    display: 'flex',
    justifyContent: 'space-between',
    alignItems: 'baseline',
    gap: fontSize,
    lineHeight: `${lineHeight}px`,
  }),
  title: css({
    margin: 0,
    minWidth: 0,
    fontSize,
    lineHeight: `${lineHeight}px`,
    fontWeight: theme.typography.fontWeightMedium,
    color: theme.colors.text.primary,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  }),
  axisTitle: css({ flexShrink: 0, fontSize, color: theme.colors.text.primary, whiteSpace: 'nowrap' }),
  svg: css({
    display: 'block',
    overflow: 'visible',
    fontFamily: theme.typography.fontFamily,
    fontSize,
  }),
  point: css({
    cursor: 'pointer',
    outline: 'none',
    '&:focus-visible': { outline: `2px solid ${theme.colors.primary.main}`, outlineOffset: 2 },
    '&:hover circle:last-of-type, &:focus-visible circle:last-of-type': { strokeWidth: lineWidth * 1.5 },
  }),
});
