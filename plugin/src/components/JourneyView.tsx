import { css, cx } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { messages, testIds } from '../messages';
import {
  describeJourneyRow,
  groupLabel,
  journeyCells,
  liftDomain,
  parseJourneyOrder,
  sortJourney,
  type JourneyBoard,
  type JourneyRow,
} from '../model/journeyBoard';
import { IntervalBar, SliBar } from './JourneyBars';
import { linkButton } from './linkButton';
import type { ViewProps } from './viewProps';

const ROW = { normal: { min: 40, max: 64, header: 28 }, wall: { min: 64, max: 120, header: 44 } };

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/**
 * Where the journey leaks, for the selected branches: per touchpoint its
 * SLI against the company's, its share of negative ratings, churn after a
 * negative rating against after others with the lift's interval, and the
 * customers at risk. Low n and incomplete windows are marked in words,
 * never hidden; a touchpoint leads to its negative ratings.
 */
export function JourneyView({ model, options, width, height, wall, onDrill }: ViewProps<JourneyBoard>) {
  const styles = useStyles2(getStyles);
  const rows = sortJourney(model.rows, options.journeySort, parseJourneyOrder(options.journeyOrder));
  const size = wall ? ROW.wall : ROW.normal;
  const rowHeight = Math.floor(clamp((height - size.header) / Math.max(1, rows.length), size.min, size.max));
  const valueFont = Math.round(clamp(rowHeight * 0.34, 14, wall ? 40 : 20));
  const noteFont = Math.round(clamp(valueFont * 0.6, wall ? 16 : 11, 24));
  const domain = liftDomain(rows);

  if (rows.length === 0) {
    return <p className={styles.empty}>{messages.journey.empty}</p>;
  }
  const { journey } = messages;
  return (
    <div className={styles.scroll} style={{ width, height }}>
      <table
        className={cx(styles.table, wall && styles.wall)}
        data-testid={testIds.journeyTable}
        aria-label={journey.table}
      >
        <thead>
          <tr style={{ height: size.header, fontSize: noteFont }}>
            <th scope="col">{journey.touchpoint}</th>
            <th scope="col">{journey.sli}</th>
            <th scope="col">{journey.negative}</th>
            <th scope="col">{journey.churn}</th>
            <th scope="col">{journey.lift}</th>
            <th scope="col">{journey.atRisk}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <TouchpointRow
              key={row.key}
              row={row}
              model={model}
              domain={domain}
              height={rowHeight}
              valueFont={valueFont}
              noteFont={noteFont}
              wall={wall}
              onSelect={() => onDrill({ kind: 'touchpoint', touchpoint: row.touchpoint })}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface RowProps {
  row: JourneyRow;
  model: JourneyBoard;
  domain: [number, number];
  height: number;
  valueFont: number;
  noteFont: number;
  wall: boolean;
  onSelect: () => void;
}

function TouchpointRow({ row, model, domain, height, valueFont, noteFont, wall, onSelect }: RowProps) {
  const styles = useStyles2(getStyles);
  const cells = journeyCells(row);
  const label = messages.journey.rowLabel(describeJourneyRow(row, model));
  const lowN = messages.lowN(model.minN);
  const note = (text: string, className?: string) => (
    <span className={cx(styles.note, className)} style={{ fontSize: noteFont }}>
      {text}
    </span>
  );
  const value = (text: string) => (
    <span className={styles.value} style={{ fontSize: valueFont }}>
      {text}
    </span>
  );
  const group = groupLabel(row);
  return (
    <tr style={{ height }} data-testid={testIds.journeyRow(row.key)}>
      <th scope="row" className={styles.touchpointCell}>
        <button
          type="button"
          className={styles.touchpoint}
          style={{ fontSize: valueFont }}
          aria-label={label}
          title={wall ? undefined : label}
          onClick={onSelect}
        >
          <span className={styles.name}>{row.touchpoint}</span>
          {group && note(group)}
          {row.incompleteCustomers > 0 &&
            note(`⚠ ${messages.journey.incomplete(row.incompleteCustomers)}`, styles.warn)}
        </button>
      </th>
      <td>
        {value(row.sli === null ? '–' : row.sli.toFixed(1))}
        <SliBar sli={row.sli} company={row.companySli} />
        {row.companySli !== undefined &&
          note(messages.journey.company(row.companySli === null ? '–' : row.companySli.toFixed(1)))}
      </td>
      <td>
        {value(cells.negativeShare)}
        {note(messages.n(row.ratings))}
      </td>
      <td className={row.exposedLow || row.otherLow ? styles.lowN : undefined}>
        {value(`${cells.churnAfterNegative} vs ${cells.churnAfterOther}`)}
        {note(`${messages.n(row.exposedN)} · ${messages.n(row.otherN)}`)}
        {(row.exposedLow || row.otherLow) && note(lowN, styles.warn)}
      </td>
      <td>
        {value(cells.lift)}
        {row.lift && <IntervalBar lift={row.lift} domain={domain} />}
        {cells.interval && note(cells.interval)}
      </td>
      <td>
        {value(cells.atRisk)}
        {note(messages.journey.customersAtRisk)}
      </td>
    </tr>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  scroll: css({ overflow: 'auto' }),
  empty: css({ color: theme.colors.text.secondary, margin: theme.spacing(1) }),
  table: css({
    width: '100%',
    borderCollapse: 'collapse',
    color: theme.colors.text.primary,
    'th, td': {
      padding: theme.spacing(0.25, 1),
      borderBottom: `1px solid ${theme.colors.border.weak}`,
      verticalAlign: 'middle',
      whiteSpace: 'nowrap',
    },
    'th:first-child': { textAlign: 'left' },
    'thead th:not(:first-child), td': { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
    'thead th': {
      position: 'sticky',
      top: 0,
      background: theme.colors.background.primary,
      color: theme.colors.text.secondary,
      fontWeight: theme.typography.fontWeightMedium,
    },
  }),
  wall: css({
    'th, td': { borderBottomColor: theme.colors.border.medium },
    'thead th': { color: theme.colors.text.primary },
  }),
  touchpointCell: css({ width: '22%', fontWeight: 'inherit' }),
  touchpoint: css({
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    width: '100%',
    ...linkButton(theme),
    textAlign: 'left',
    '&:hover > span:first-of-type, &:focus-visible > span:first-of-type': { textDecoration: 'underline' },
  }),
  name: css({ fontWeight: theme.typography.fontWeightMedium }),
  value: css({ display: 'block', fontWeight: theme.typography.fontWeightBold, lineHeight: 1.15 }),
  note: css({ display: 'block', color: theme.colors.text.secondary, lineHeight: 1.2 }),
  warn: css({ color: theme.colors.warning.text, fontWeight: theme.typography.fontWeightMedium }),
  lowN: css({ background: theme.colors.background.secondary }),
});
