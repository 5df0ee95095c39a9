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
import { BoardTable } from './BoardTable';
import { boardSizes, boardStyles, type BoardSizes } from './boardLayout';
import { IntervalBar, SliBar } from './JourneyBars';
import type { ViewProps } from './viewProps';

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
  const sizes = boardSizes(height, rows.length, wall);
  const domain = liftDomain(rows);

  if (rows.length === 0) {
    return <p className={styles.empty}>{messages.journey.empty}</p>;
  }
  const { journey } = messages;
  return (
    <BoardTable
      width={width}
      height={height}
      wall={wall}
      sizes={sizes}
      testId={testIds.journeyTable}
      label={journey.table}
      headings={[
        journey.touchpoint,
        journey.sli,
        journey.negative,
        journey.churn(model.churnWindowDays),
        journey.lift,
        journey.atRisk,
      ]}
    >
      {rows.map((row) => (
        <TouchpointRow
          key={row.key}
          row={row}
          model={model}
          domain={domain}
          sizes={sizes}
          wall={wall}
          onSelect={() => onDrill({ kind: 'touchpoint', touchpoint: row.touchpoint })}
        />
      ))}
    </BoardTable>
  );
}

interface RowProps {
  row: JourneyRow;
  model: JourneyBoard;
  domain: [number, number];
  sizes: BoardSizes;
  wall: boolean;
  onSelect: () => void;
}

function TouchpointRow({ row, model, domain, sizes, wall, onSelect }: RowProps) {
  const styles = useStyles2(getStyles);
  const { rowHeight: height, valueFont, noteFont } = sizes;
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
          className={styles.rowButton}
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
  ...boardStyles(theme),
  touchpointCell: css({ width: '22%', fontWeight: 'inherit' }),
  name: css({ fontWeight: theme.typography.fontWeightMedium }),
  warn: css({ color: theme.colors.warning.text, fontWeight: theme.typography.fontWeightMedium }),
});
