import type { LoadReport, Problem } from './loadReport';

/** Values are shown on one line and cut, so one long comment cannot break the table. */
const valueWidth = 40;

const oneLine = (value: string): string =>
  value.replaceAll('\r', '\\r').replaceAll('\n', '\\n').replaceAll('\t', '\\t');

const cut = (value: string): string => (value.length > valueWidth ? `${value.slice(0, valueWidth - 1)}…` : value);

const cells = (p: Problem): string[] => [
  p.file,
  p.line === null ? '' : String(p.line),
  p.column ?? '',
  p.value === null ? '' : cut(oneLine(p.value)),
  p.rule,
];

/** The report as an aligned text table for a terminal, with the total and any notes below it. */
export const formatReport = (report: LoadReport): string => {
  const header = ['file', 'line', 'column', 'value', 'rule'];
  const rows = report.problems.map(cells);
  const widths = header.map((name, i) => Math.max(name.length, ...rows.map((row) => row[i].length)));
  const line = (row: string[]) =>
    row
      .map((cell, i) => (i === 1 ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const shown = report.problems.length;
  const total =
    shown < report.total
      ? `${report.total.toLocaleString('en-US')} problems in all; the first ${shown} are shown.`
      : `${report.total.toLocaleString('en-US')} ${report.total === 1 ? 'problem' : 'problems'} in all.`;
  return [
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
    total,
    ...report.notes.map((note) => `note: ${note}`),
  ].join('\n');
};
