/**
 * Lays out rows as columns padded to their widest cell. `align` has one letter per column, `l` or
 * `r`; columns past its end take its last letter. Default: `lr` (first column left, the rest right).
 */
export function formatColumns(rows: readonly string[][], align = 'lr'): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  const isRight = (i: number): boolean => (align[i] ?? align[align.length - 1]) === 'r';
  return rows.map((row) =>
    row
      .map((cell, i) => (isRight(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}
