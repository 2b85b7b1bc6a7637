import { Result, ok } from '../../shared/result';
import { ValidationError, invalid } from '../../shared/validation';

export const IMPORT_FORMATS = ['csv', 'yaml'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** One record of an import file as written: field name → value (strings; a YAML list for `codes`), and where it starts. */
export interface RawImportRow {
  line: number;
  fields: Readonly<Record<string, unknown>>;
  /** The record's shape is wrong as a whole (a CSV row with more or fewer fields than the header). */
  malformed?: string;
}

/** The file cannot be read past `line` (a broken quote, bad YAML): what comes after it is unknown. */
export interface UnreadableAt {
  line: number;
  unreadable: string;
}

/** An import file, read from the start each time `rows()` is called (an import reads it twice: check, then write). */
export interface ImportSource {
  readonly name: string;
  readonly format: ImportFormat;
  /** SHA-256 of the bytes: a rerun of an interrupted import of the same file resumes where it stopped. */
  digest(): Promise<string>;
  /** Streams the records; memory stays bounded whatever the file's size. Ends after an `UnreadableAt`. */
  rows(): AsyncIterable<RawImportRow | UnreadableAt>;
}

/** Where uploaded import files are kept while a background import reads them (a temporary folder). */
export interface ImportFiles {
  /** Stores an upload as it streams in; refuses one larger than `maxBytes`. Returns the stored file's reference. */
  keep(content: AsyncIterable<Uint8Array>, maxBytes: number): Promise<string | 'TOO_LARGE'>;
  open(reference: string, name: string, format: ImportFormat): ImportSource;
  discard(reference: string): Promise<void>;
}

/** The format a file name says (`products.csv`, `catalog.yml`). */
export function importFormatOf(fileName: string): Result<ImportFormat, ValidationError> {
  const extension = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (extension === 'csv') return ok('csv');
  if (extension === 'yaml' || extension === 'yml') return ok('yaml');
  return invalid('file', 'must be a .csv, .yaml or .yml file');
}
