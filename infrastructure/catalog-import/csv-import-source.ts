import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { ImportSource, RawImportRow, UnreadableAt } from '../../domain/catalog';
import { fileDigest } from './file-digest';

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

/**
 * A CSV import file: the first record is the header (column names, any case), each later record one product. Quoted
 * fields may span lines (a code product's codes, one per line). Streams: one record in memory at a time.
 */
export class CsvImportSource implements ImportSource {
  readonly format = 'csv';

  constructor(
    private readonly path: string,
    readonly name: string,
  ) {}

  digest(): Promise<string> {
    return fileDigest(this.path);
  }

  async *rows(): AsyncGenerator<RawImportRow | UnreadableAt> {
    // relax_column_count: a row with a field too many or too few is reported as that row's problem, not the file's.
    const parser = createReadStream(this.path).pipe(parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true }));
    let header: string[] | null = null;
    let line = 0;
    try {
      for await (const parsed of parser as AsyncIterable<ParsedRecord>) {
        line = parsed.info.lines;
        if (header === null) {
          header = parsed.record.map((column) => column.trim().toLowerCase());
          continue;
        }
        const columns = header;
        const fields: Record<string, string> = {};
        columns.forEach((column, i) => (fields[column] = parsed.record[i] ?? ''));
        const malformed = parsed.record.length === columns.length ? undefined : `has ${parsed.record.length} fields; the header has ${columns.length}`;
        yield malformed ? { line, fields, malformed } : { line, fields };
      }
    } catch (error) {
      const at = (error as { lines?: unknown }).lines;
      yield { line: typeof at === 'number' ? at : line + 1, unreadable: error instanceof Error ? error.message : String(error) };
    } finally {
      parser.destroy();
    }
  }
}
