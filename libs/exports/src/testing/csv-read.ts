import { parse } from 'csv-parse/sync';

/** Parses an export back (test-only: csv-parse is a devDependency): checks the BOM and CRLF, returns the header and the rows as objects. */
export function readCsv(body: Buffer): { header: string[]; rows: Record<string, string>[] } {
  if (!(body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf)) throw new Error('the CSV does not start with a UTF-8 byte-order mark');
  const text = body.toString('utf8').slice(1);
  if (/(?<!\r)\n/.test(text.replace(/"(?:[^"]|"")*"/g, ''))) throw new Error('a record ends with a bare LF (RFC 4180 wants CRLF)');
  const records: string[][] = parse(text, { relax_column_count: false });
  const [header, ...rest] = records;
  return { header, rows: rest.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))) };
}
