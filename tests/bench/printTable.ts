/** Prints a titled table of figures to stdout: the benchmark's only output. */
export const printTable = (title: string, header: string[], rows: Array<Array<string | number>>): void => {
  const text = rows.map((row) => row.map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...text.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  process.stdout.write(
    `\n${title}\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${text.map(line).join('\n')}\n`
  );
};
