import { textWidth } from './textWidth';

/** Rows a wrapping legend takes at this width: each entry is a swatch, its text and a gap. */
export const legendRows = (texts: string[], width: number, fontSize: number): number => {
  let rows = 0;
  let used = Infinity;
  for (const text of texts) {
    const entry = textWidth(text, fontSize) + 2.5 * fontSize;
    if (used + entry > width) {
      rows++;
      used = 0;
    }
    used += entry;
  }
  return rows;
};
