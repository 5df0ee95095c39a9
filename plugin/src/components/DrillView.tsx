import { css, cx } from '@emotion/css';
import type { DataFrame, GrafanaTheme2, TimeZone } from '@grafana/data';
import { Alert, LoadingPlaceholder, useStyles2 } from '@grafana/ui';
import type { ReactNode } from 'react';
import { messages, testIds } from '../messages';
import type { DrillStep } from '../drill/drillPath';
import { drillTable, stepColumns } from '../drill/drillTable';
import type { DrillResult } from '../drill/useDrillResult';
import { linkButton } from './linkButton';
import { WhyView } from './WhyView';

interface Props {
  step: DrillStep;
  result: DrillResult;
  timeZone: TimeZone;
  wall: boolean;
  /** What sits above the table: the step's relationship numbers. */
  summary?: ReactNode;
  onDrill: (step: DrillStep) => void;
}

/** One drill step: what it shows, then its rows; rows with a customer lead to that customer. */
export function DrillView({ step, result, timeZone, wall, summary, onDrill }: Props) {
  const styles = useStyles2(getStyles);
  return (
    <div className={cx(styles.view, wall && styles.wall)}>
      <p className={styles.hint}>{messages.stepHints[step.kind]}</p>
      {summary}
      {result.status === 'loading' && <LoadingPlaceholder text={messages.drillLoading} />}
      {result.status === 'error' && (
        <Alert severity="error" title={messages.drillFailed}>
          {result.message}
        </Alert>
      )}
      {result.status === 'done' && step.kind === 'why' && (
        <WhyView branchId={step.branchId} frames={result.frames} onDrill={onDrill} />
      )}
      {result.status === 'done' && step.kind !== 'why' && !result.frame?.length && (
        <p className={styles.hint}>{messages.drillEmpty}</p>
      )}
      {result.status === 'done' && step.kind !== 'why' && result.frame && result.frame.length > 0 && (
        <DrillRows
          step={step}
          frame={result.frame}
          truncated={result.truncated}
          timeZone={timeZone}
          onDrill={onDrill}
        />
      )}
    </div>
  );
}

type RowsProps = Pick<Props, 'step' | 'timeZone' | 'onDrill'> & { frame: DataFrame; truncated: boolean };

function DrillRows({ step, frame, truncated, timeZone, onDrill }: RowsProps) {
  const styles = useStyles2(getStyles);
  const table = drillTable(frame, {
    timeZone,
    rowsLeadToCustomer: step.kind !== 'customer',
    only: stepColumns[step.kind],
  });
  return (
    <>
      {truncated && <p className={styles.hint}>{messages.truncated(table.rows.length)}</p>}
      <div className={styles.scroll}>
        <table className={styles.table} data-testid={testIds.drillTable}>
          <thead>
            <tr>
              {table.columns.map((column) => (
                <th key={column.name} scope="col" className={column.numeric ? styles.numeric : undefined}>
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.key} className={row.customerId ? styles.link : undefined}>
                {row.cells.map((cell, index) => (
                  <td
                    key={table.columns[index].name}
                    className={table.columns[index].numeric ? styles.numeric : undefined}
                    title={row.titles?.[index]}
                  >
                    {row.customerId && table.columns[index].name === 'customer_id' ? (
                      <button
                        type="button"
                        className={styles.rowButton}
                        onClick={() => onDrill({ kind: 'customer', customerId: row.customerId! })}
                      >
                        {cell}
                      </button>
                    ) : (
                      cell
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  view: css({ display: 'flex', flexDirection: 'column', minHeight: 0, flex: '1 1 auto' }),
  wall: css({ fontSize: theme.typography.h4.fontSize }),
  hint: css({ color: theme.colors.text.secondary, margin: theme.spacing(0, 0, 1, 0) }),
  scroll: css({ overflow: 'auto', flex: '1 1 auto', minHeight: 0 }),
  table: css({
    width: '100%',
    borderCollapse: 'collapse',
    'th, td': {
      padding: theme.spacing(0.5, 1),
      borderBottom: `1px solid ${theme.colors.border.weak}`,
      textAlign: 'left',
      whiteSpace: 'nowrap',
    },
    th: {
      position: 'sticky',
      top: 0,
      background: theme.colors.background.primary,
      fontWeight: theme.typography.fontWeightMedium,
    },
  }),
  numeric: css({ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }),
  link: css({ '&:hover': { background: theme.colors.action.hover } }),
  rowButton: css({
    ...linkButton(theme),
    textDecoration: 'underline',
  }),
});
