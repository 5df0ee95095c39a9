import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';
import { testIds } from '../messages';
import type { JourneyLift } from '../model/journeyBoard';
import { linearScale } from '../model/linearScale';

const WIDTH = 120;
const HEIGHT = 12;
/** The SLI's whole scale (the catalog's range), so every row's bar is drawn on the same one. */
const SLI_DOMAIN: [number, number] = [-100, 100];

/**
 * The SLI as a bar from zero on the catalog's scale, with the company's SLI
 * at the same touchpoint as a tick across it. Drawn beside the numbers that
 * say the same, so it is hidden from screen readers.
 */
export function SliBar({ sli, company }: { sli: number | null; company?: number | null }) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const x = linearScale(SLI_DOMAIN, [0, WIDTH]);
  const zero = x(0);
  const end = sli === null ? zero : x(sli);
  return (
    <svg className={styles.bar} width={WIDTH} height={HEIGHT} aria-hidden data-testid={testIds.journeySliBar}>
      <rect x={0} y={4} width={WIDTH} height={HEIGHT - 8} fill={theme.colors.background.secondary} />
      <rect
        x={Math.min(zero, end)}
        y={3}
        width={Math.abs(end - zero)}
        height={HEIGHT - 6}
        fill={(sli ?? 0) < 0 ? theme.colors.error.main : theme.colors.success.main}
      />
      {company !== undefined && company !== null && (
        <line
          data-testid={testIds.journeyCompanyMark}
          x1={x(company)}
          x2={x(company)}
          y1={0}
          y2={HEIGHT}
          stroke={theme.colors.text.primary}
          strokeWidth={2}
        />
      )}
    </svg>
  );
}

/** The churn lift as a dot on its 95% interval, with zero marked: an interval across zero is no clear leak. */
export function IntervalBar({ lift, domain }: { lift: JourneyLift; domain: [number, number] }) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const x = linearScale(domain, [3, WIDTH - 3]);
  const clear = lift.low > 0;
  const colour = clear ? theme.colors.error.main : theme.colors.text.secondary;
  return (
    <svg className={styles.bar} width={WIDTH} height={HEIGHT} aria-hidden data-testid={testIds.journeyInterval}>
      <line x1={x(0)} x2={x(0)} y1={0} y2={HEIGHT} stroke={theme.colors.border.strong} strokeDasharray="2 2" />
      <line x1={x(lift.low)} x2={x(lift.high)} y1={HEIGHT / 2} y2={HEIGHT / 2} stroke={colour} strokeWidth={2} />
      <circle cx={x(lift.value)} cy={HEIGHT / 2} r={3} fill={colour} />
    </svg>
  );
}

const getStyles = (_theme: GrafanaTheme2) => ({
  bar: css({ display: 'block', marginLeft: 'auto', overflow: 'visible' }),
});
