import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { messages, testIds } from '../messages';
import { CURVE_BOTTOM_EM, CURVE_GAP, CURVE_TOP_EM, SMALL, type CohortLayout } from '../model/cohortLayout';
import type { AveragePoint } from '../model/cohortMatrix';
import { linearScale } from '../model/linearScale';

interface Props {
  points: AveragePoint[];
  layout: CohortLayout;
  columns: number;
  wall: boolean;
}

const text = messages.cohorts;

/** Runs of consecutive months: the line breaks where no cohort reached a month, rather than bridging it. */
const runsOf = (points: AveragePoint[]): AveragePoint[][] =>
  points.reduce<AveragePoint[][]>((runs, point, i) => {
    if (i > 0 && point.k === points[i - 1].k + 1) {
      runs[runs.length - 1].push(point);
    } else {
      runs.push([point]);
    }
    return runs;
  }, []);

/**
 * The average retention curve under the heatmap, each point over its column
 * so the two read together, on a fixed 0..100% axis (a zoomed axis would
 * make a 2-point dip look like a collapse). Every point is labelled with
 * its percent and month: the layout keeps columns wide enough for that.
 */
export function CohortAverageCurve({ points, layout, columns, wall }: Props) {
  const styles = useStyles2(getStyles, wall);
  const width = layout.labelWidth + columns * (layout.cellWidth + layout.gap);
  const height = layout.curveHeight;
  const font = layout.fontSize * SMALL;
  const top = font * CURVE_TOP_EM;
  const bottom = height - font * CURVE_BOTTOM_EM;
  const y = linearScale([0, 1], [bottom, top]);
  const x = (k: number) => layout.labelWidth + layout.gap + k * (layout.cellWidth + layout.gap) + layout.cellWidth / 2;
  const axisX = layout.labelWidth - font * 0.4;
  const radius = Math.max(2.5, font * 0.28);

  return (
    <svg
      className={styles.curve}
      width={width}
      height={height}
      role="img"
      aria-label={text.curve(points)}
      data-testid={testIds.cohortAverage}
      style={{ fontSize: font }}
    >
      <title>{text.averageHint}</title>
      {[0, 0.5, 1].map((share) => (
        <g key={share}>
          <line x1={layout.labelWidth} x2={width} y1={y(share)} y2={y(share)} className={styles.grid} />
          <text x={axisX} y={y(share)} dy="0.35em" textAnchor="end" className={styles.axis}>
            {text.percent(share)}
          </text>
        </g>
      ))}
      <text x={axisX} y={height - font * 0.3} textAnchor="end" className={styles.axis}>
        {text.curveAxis}
      </text>
      {runsOf(points).map((run) => (
        <path
          key={run[0].k}
          d={run.map((point, i) => `${i === 0 ? 'M' : 'L'}${x(point.k)},${y(point.retention)}`).join(' ')}
          className={styles.line}
        />
      ))}
      {points.map((point) => (
        <g key={point.k}>
          <circle cx={x(point.k)} cy={y(point.retention)} r={radius} className={styles.point}>
            <title>{text.averageCell(point)}</title>
          </circle>
          <text
            x={x(point.k)}
            y={y(point.retention) - radius - font * 0.3}
            textAnchor="middle"
            className={styles.value}
          >
            {text.percent(point.retention)}
          </text>
          <text x={x(point.k)} y={height - font * 0.3} textAnchor="middle" className={styles.axis}>
            {point.k}
          </text>
        </g>
      ))}
    </svg>
  );
}

const getStyles = (theme: GrafanaTheme2, wall: boolean) => ({
  curve: css({ display: 'block', marginTop: CURVE_GAP, overflow: 'visible' }),
  grid: css({ stroke: theme.colors.border.weak, strokeWidth: 1 }),
  axis: css({ fill: wall ? theme.colors.text.primary : theme.colors.text.secondary }),
  line: css({ fill: 'none', stroke: theme.colors.text.primary, strokeWidth: wall ? 3 : 1.5 }),
  point: css({ fill: theme.colors.text.primary, stroke: theme.colors.background.primary, strokeWidth: 1 }),
  value: css({ fill: theme.colors.text.primary, fontWeight: theme.typography.fontWeightMedium }),
});
