import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';

export interface CsvHeader {
  /** The header's column names, in file order. */
  names: string[];
  /** Physical lines the header spans (more than 1 only if a quoted name holds a newline). */
  lines: number;
}

/** A stream of the file's bytes, decompressed when the name ends in .gz. */
export const openCsvBytes = (path: string): Readable => {
  const file = createReadStream(path);
  if (!path.endsWith('.gz')) {
    return file;
  }
  const gunzip = createGunzip();
  // Closing the decompressed stream early must close the file too.
  gunzip.on('close', () => file.destroy());
  file.on('error', (error) => gunzip.destroy(error));
  return file.pipe(gunzip);
};

/** DuckDB's own limit for one CSV record; a longer "header" is not a CSV header. */
const maxHeaderChars = 2_097_152;

type Parsed = CsvHeader | 'incomplete';

// RFC 4180: comma-separated, '"' quotes, '""' is a quote inside quotes.
const parseFirstRecord = (text: string, atEnd: boolean): Parsed => {
  const names: string[] = [];
  let field = '';
  let inQuotes = false;
  let newlines = 0;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (inQuotes) {
      if (ch !== '"') {
        if (ch === '\n') {
          newlines += 1;
        }
        field += ch;
      } else if (i + 1 === text.length && !atEnd) {
        return 'incomplete';
      } else if (text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else {
        inQuotes = false;
      }
    } else if (ch === '"') {
      inQuotes = true;
    } else if (ch === ',') {
      names.push(field);
      field = '';
    } else if (ch === '\n') {
      names.push(field.endsWith('\r') ? field.slice(0, -1) : field);
      return { names, lines: newlines + 1 };
    } else {
      field += ch;
    }
  }
  if (!atEnd) {
    return 'incomplete';
  }
  if (text.length === 0) {
    return { names: [], lines: 0 };
  }
  names.push(field.endsWith('\r') ? field.slice(0, -1) : field);
  return { names, lines: newlines + 1 };
};

/**
 * Reads only the header record of a CSV file. DuckDB's sniffer could find it
 * too, but it gives up on a file whose first rows are malformed, and those are
 * exactly the files the loader must report on rather than fail on.
 */
export const readCsvHeader = async (path: string): Promise<CsvHeader> => {
  const decoder = new StringDecoder('utf8');
  const stream = openCsvBytes(path);
  let text = '';
  try {
    for await (const chunk of stream) {
      text += decoder.write(chunk as Buffer);
      const parsed = parseFirstRecord(text.replace(/^\uFEFF/, ''), false);
      if (parsed !== 'incomplete') {
        return parsed;
      }
      if (text.length > maxHeaderChars) {
        throw new Error('no header record in the first 2 MB');
      }
    }
    text += decoder.end();
    const parsed = parseFirstRecord(text.replace(/^\uFEFF/, ''), true);
    return parsed === 'incomplete' ? { names: [], lines: 0 } : parsed;
  } finally {
    stream.destroy();
  }
};
