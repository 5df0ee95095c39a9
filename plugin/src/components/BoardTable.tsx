import { cx } from '@emotion/css';
import { useStyles2 } from '@grafana/ui';
import type { ReactNode } from 'react';
import { boardStyles, type BoardSizes } from './boardLayout';

interface Props {
  width: number;
  height: number;
  wall: boolean;
  sizes: BoardSizes;
  testId: string;
  /** The table's accessible name: what its rows are and how they are sorted. */
  label: string;
  headings: ReactNode[];
  /** The body's rows. */
  children: ReactNode;
}

/** A board of rows (the closed loop, the journey) in the panel: sticky headings, scrolling when it must. */
export function BoardTable({ width, height, wall, sizes, testId, label, headings, children }: Props) {
  const styles = useStyles2(boardStyles);
  return (
    <div className={styles.scroll} style={{ width, height }}>
      <table className={cx(styles.table, wall && styles.wall)} data-testid={testId} aria-label={label}>
        <thead>
          <tr style={{ height: sizes.header, fontSize: sizes.noteFont }}>
            {headings.map((heading, index) => (
              <th key={index} scope="col">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
