import { css, cx } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';
import { messages, testIds } from '../messages';
import { severityColor } from '../model/bands';
import type { BranchScore } from '../model/branchBoard';
import { branchWithId } from '../model/branchNames';
import { changeDirection, formatChange, formatMetric } from '../model/formatMetric';
import { arcPath, GAUGE_SWEEP, sparklineRuns, valueAngle } from '../model/gaugeGeometry';
import type { MetricInfo } from '../model/metricField';

interface Props {
  branch: BranchScore;
  metric: MetricInfo;
  minN?: number;
  width: number;
  height: number;
  compact: boolean;
  showTrend: boolean;
  wall: boolean;
  onSelect: (branchId: string) => void;
}

const VIEW = 100;
const CENTER = 50;
const BAND_RADIUS = 44;
const VALUE_RADIUS = 36;

/**
 * One branch, by name (its id on hover and in its accessible name): a gauge on the metric's scale with neutral at the top, its
 * catalog bands around the rim, the value arc growing from neutral, and in
 * words the value, band, n, change and low-n mark, so no meaning rests on
 * colour alone.
 */
export function SliGauge({ branch, metric, minN, width, height, compact, showTrend, wall, onSelect }: Props) {
  const theme = useTheme2();
  const styles = useStyles2(getStyles);
  const min = metric.min ?? -100;
  const max = metric.max ?? 100;
  const neutral = Math.min(max, Math.max(min, 0));
  const color = (severity?: keyof typeof severityColor) =>
    severity ? theme.visualization.getColorByName(severityColor[severity]) : theme.colors.text.disabled;
  const valueText = branch.value === null ? '–' : formatMetric(branch.value, metric);
  const bandText = branch.band?.label ?? (branch.value === null ? messages.noValue : '');
  const change = branch.previous?.change ?? null;
  const direction = change === null ? undefined : changeDirection(change, metric);
  // Bounded by width too: the change line is the longest, about 26 characters.
  const textFont = Math.max(10, Math.min(width * 0.065, height * (wall ? 0.085 : 0.075)));
  const label = [
    branchWithId(branch.name, branch.branchId),
    branch.region,
    `${metric.label} ${valueText}`,
    bandText,
    messages.n(branch.n),
    branch.lowConfidence ? messages.lowN(minN) : undefined,
    change !== null ? `${formatChange(change, metric)} ${messages.change}` : undefined,
  ]
    .filter(Boolean)
    .join(', ');

  return (
    <button
      type="button"
      className={cx(styles.tile, branch.lowConfidence && styles.lowN, wall && styles.wall)}
      style={{ width, height, fontSize: textFont }}
      data-testid={testIds.gauge(branch.branchId)}
      aria-label={`${label}. Show this branch’s customers.`}
      title={wall ? undefined : label}
      onClick={() => onSelect(branch.branchId)}
    >
      <span className={styles.name}>{branch.name}</span>
      <svg className={styles.gauge} viewBox={`0 0 ${VIEW} 78`} role="img" aria-hidden>
        {metric.bands.map((band) =>
          band.min === band.max ? (
            <line
              key={band.label}
              x1={CENTER}
              y1={CENTER - BAND_RADIUS - 4}
              x2={CENTER}
              y2={CENTER - VALUE_RADIUS + 4}
              stroke={theme.colors.text.primary}
              strokeWidth={1.2}
            />
          ) : (
            <path
              key={band.label}
              d={arcPath(CENTER, CENTER, BAND_RADIUS, valueAngle(band.min, min, max), valueAngle(band.max, min, max))}
              stroke={color(band.severity)}
              strokeWidth={4}
              fill="none"
            />
          )
        )}
        <path
          d={arcPath(CENTER, CENTER, VALUE_RADIUS, -GAUGE_SWEEP, GAUGE_SWEEP)}
          stroke={theme.colors.background.secondary}
          strokeWidth={9}
          fill="none"
        />
        {branch.value !== null && branch.value !== neutral && (
          <path
            d={arcPath(CENTER, CENTER, VALUE_RADIUS, valueAngle(neutral, min, max), valueAngle(branch.value, min, max))}
            stroke={color(branch.band?.severity)}
            strokeWidth={9}
            fill="none"
          />
        )}
        <text
          x={CENTER}
          y={CENTER + 4}
          textAnchor="middle"
          className={styles.value}
          style={{ fontSize: 20 }}
          data-testid={testIds.gaugeValue}
        >
          {valueText}
        </text>
        <text x={CENTER} y={CENTER + 18} textAnchor="middle" className={styles.band} style={{ fontSize: 9.5 }}>
          {bandText}
        </text>
      </svg>
      <span className={styles.line}>
        {messages.n(branch.n)}
        {branch.lowConfidence && <span className={styles.lowNBadge}> · {messages.lowN(minN)}</span>}
      </span>
      {!compact && branch.previous && (
        <span className={cx(styles.line, direction && styles[direction])}>
          {change === null ? messages.noPrevious : `${formatChange(change, metric)} ${messages.change}`}
        </span>
      )}
      {!compact && showTrend && branch.trend.length > 1 && (
        <svg className={styles.trend} viewBox="0 0 100 20" preserveAspectRatio="none" aria-hidden>
          {sparklineRuns(branch.trend, 100, 20).map((points) => (
            <polyline
              key={points}
              points={points}
              fill="none"
              stroke={theme.colors.text.secondary}
              strokeWidth={1.5}
              vectorEffect="non-scaling-stroke"
            />
          ))}
        </svg>
      )}
    </button>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  tile: css({
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'flex-start',
    padding: theme.spacing(0.5),
    background: 'none',
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    color: theme.colors.text.primary,
    cursor: 'pointer',
    overflow: 'hidden',
    '&:hover, &:focus-visible': { borderColor: theme.colors.border.strong, background: theme.colors.action.hover },
  }),
  wall: css({ borderColor: theme.colors.border.medium, fontWeight: theme.typography.fontWeightMedium }),
  lowN: css({ borderStyle: 'dashed' }),
  name: css({
    fontWeight: theme.typography.fontWeightMedium,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    maxWidth: '100%',
  }),
  gauge: css({ width: '100%', flex: '1 1 auto', minHeight: 0 }),
  value: css({ fill: theme.colors.text.primary, fontWeight: theme.typography.fontWeightBold }),
  band: css({ fill: theme.colors.text.secondary }),
  line: css({
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    maxWidth: '100%',
    color: theme.colors.text.secondary,
  }),
  lowNBadge: css({ color: theme.colors.warning.text, fontWeight: theme.typography.fontWeightMedium }),
  better: css({ color: theme.colors.success.text }),
  worse: css({ color: theme.colors.error.text }),
  same: css({}),
  unknown: css({}),
  trend: css({ width: '90%', height: '14%', flex: '0 0 auto' }),
});
