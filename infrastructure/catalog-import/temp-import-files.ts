import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ImportFiles, ImportFormat, ImportSource } from '../../domain/catalog';
import { CsvImportSource } from './csv-import-source';
import { YamlImportSource } from './yaml-import-source';

class TooLarge extends Error {}

/** Opens an import file by its format. */
export const openImportFile = (path: string, name: string, format: ImportFormat): ImportSource =>
  format === 'csv' ? new CsvImportSource(path, name) : new YamlImportSource(path, name);

/** Uploaded import files, kept in a folder of their own under the system's temporary folder until their import ends. */
export class TempImportFiles implements ImportFiles {
  constructor(private readonly folder = join(tmpdir(), 'tillbot-imports')) {}

  async keep(content: AsyncIterable<Uint8Array>, maxBytes: number): Promise<string | 'TOO_LARGE'> {
    await mkdir(this.folder, { recursive: true });
    const path = join(this.folder, randomUUID());
    let bytes = 0;
    const limit = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        done(bytes > maxBytes ? new TooLarge() : null, chunk);
      },
    });
    try {
      await pipeline(Readable.from(content), limit, createWriteStream(path));
      return path;
    } catch (error) {
      await rm(path, { force: true });
      if (error instanceof TooLarge) return 'TOO_LARGE';
      throw error;
    }
  }

  open(reference: string, name: string, format: ImportFormat): ImportSource {
    return openImportFile(reference, name, format);
  }

  async discard(reference: string): Promise<void> {
    await rm(reference, { force: true });
  }
}
