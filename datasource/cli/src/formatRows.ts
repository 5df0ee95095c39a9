export const outputFormats = ['table', 'csv', 'json'] as const;
export type OutputFormat = (typeof outputFormats)[number];

export type Cell = string | number | boolean | null;

export interface ResultTable {
  columns: string[];
  rows: Cell[][];
}

const csvCell = (value: Cell): string => {
  if (value === null) {
    return '';
  }
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

const tableCell = (value: Cell): string => (value === null ? 'NULL' : String(value));

const isNumeric = (value: Cell) => typeof value === 'number';

/** An aligned text table: numbers right-aligned, a rule under the header, a row count. */
const asTable = ({ columns, rows }: ResultTable): string => {
  const text = rows.map((row) => row.map(tableCell));
  const widths = columns.map((name, i) => Math.max(name.length, ...text.map((row) => row[i].length)));
  const line = (cells: string[], numeric: boolean[]) =>
    cells
      .map((cell, i) => (numeric[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const numericColumns = columns.map(
    (_, i) => rows.length > 0 && rows.every((row) => row[i] === null || isNumeric(row[i]))
  );
  return [
    line(columns, numericColumns),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...text.map((row) => line(row, numericColumns)),
    `(${rows.length} ${rows.length === 1 ? 'row' : 'rows'})`,
  ].join('\n');
};

/** Renders a query result for the terminal or for another program. */
export const formatRows = (result: ResultTable, format: OutputFormat): string => {
  switch (format) {
    case 'table':
      return asTable(result);
    case 'csv':
      return [result.columns.map(csvCell).join(','), ...result.rows.map((row) => row.map(csvCell).join(','))].join(
        '\n'
      );
    case 'json':
      return JSON.stringify(
        result.rows.map((row) => Object.fromEntries(result.columns.map((name, i) => [name, row[i]]))),
        null,
        2
      );
  }
};
