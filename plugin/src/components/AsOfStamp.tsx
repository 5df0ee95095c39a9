import { css } from '@emotion/css';
import { dateTimeFormat, type GrafanaTheme2, type TimeZone } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { messages, testIds } from '../messages';

interface Props {
  asOf: number;
  /** The clock the age is measured against; the panel passes Date.now(). */
  now: number;
  timeZone: TimeZone;
}

/** "Data as of 30 Jun 2024 18:00 (5 h old)": how fresh the numbers on a wall are. */
export function AsOfStamp({ asOf, now, timeZone }: Props) {
  const styles = useStyles2(getStyles);
  const hours = Math.max(0, (now - asOf) / 3_600_000);
  return (
    <span className={styles.stamp} data-testid={testIds.asOf}>
      {messages.asOf} {dateTimeFormat(asOf, { timeZone, format: 'D MMM YYYY HH:mm' })} ({messages.hoursOld(hours)})
    </span>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  stamp: css({ color: theme.colors.text.secondary, whiteSpace: 'nowrap' }),
});
