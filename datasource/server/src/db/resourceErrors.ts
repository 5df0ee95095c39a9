/**
 * DuckDB's words for the machine running short, not the data being wrong:
 * a load meeting one stops and says so, rather than blaming the file it was
 * reading. Each takes the error's message.
 */

/** More memory needed than the limit allows, with nothing left to spill. */
export const outOfMemory = (message: string) => /Out of Memory Error/i.test(message);

/** The disk, or the process's file-size limit, cannot hold what is written. */
export const outOfSpace = (message: string) =>
  /File too large|No space left|EFBIG|ENOSPC|disk quota|Disk full/i.test(message);
