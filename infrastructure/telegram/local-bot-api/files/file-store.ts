import { newFileId, newFileUniqueId } from '../ids';
import { IMAGE_EXTENSIONS, IMAGE_MIME_TYPES, type ImageInfo } from './image-size';

export type FileKind = 'photo' | 'document';

/** A file known to one bot: what the bot uploaded or what a user sent it. */
export interface StoredFile {
  fileId: string;
  fileUniqueId: string;
  kind: FileKind;
  bytes: Buffer;
  mimeType: string;
  fileName?: string;
  /** Relative path served at /file/bot<token>/<filePath>, as getFile reports it. */
  filePath: string;
  image?: ImageInfo;
}

/** Telegram names a document's type by its extension, not by what the uploader claimed. */
const MIME_BY_EXTENSION: Record<string, string> = {
  txt: 'text/plain',
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  json: 'application/json',
  xml: 'application/xml',
  html: 'text/html',
  md: 'text/markdown',
  pdf: 'application/pdf',
  zip: 'application/zip',
  gz: 'application/gzip',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export const extensionOf = (fileName: string | undefined): string | undefined => {
  const match = fileName ? /\.([A-Za-z0-9]{1,10})$/.exec(fileName) : null;
  return match ? match[1]!.toLowerCase() : undefined;
};

export const mimeTypeFor = (fileName: string | undefined): string => MIME_BY_EXTENSION[extensionOf(fileName) ?? ''] ?? 'application/octet-stream';

export class FileStore {
  private readonly byId = new Map<string, StoredFile>();
  private readonly byPath = new Map<string, StoredFile>();
  private counter = 0;

  addPhoto(bytes: Buffer, image: ImageInfo): StoredFile {
    const filePath = `photos/file_${this.counter++}.${IMAGE_EXTENSIONS[image.format]}`;
    return this.remember({
      fileId: newFileId('photo'),
      fileUniqueId: newFileUniqueId('photo'),
      kind: 'photo',
      bytes,
      mimeType: IMAGE_MIME_TYPES[image.format],
      filePath,
      image,
    });
  }

  addDocument(bytes: Buffer, fileName: string | undefined, mimeType?: string): StoredFile {
    const filePath = `documents/file_${this.counter++}.${extensionOf(fileName) ?? 'dat'}`;
    const file: StoredFile = {
      fileId: newFileId('document'),
      fileUniqueId: newFileUniqueId('document'),
      kind: 'document',
      bytes,
      mimeType: mimeType ?? mimeTypeFor(fileName),
      filePath,
    };
    if (fileName) file.fileName = fileName;
    return this.remember(file);
  }

  get(fileId: string): StoredFile | undefined {
    return this.byId.get(fileId);
  }

  atPath(filePath: string): StoredFile | undefined {
    return this.byPath.get(filePath);
  }

  private remember(file: StoredFile): StoredFile {
    this.byId.set(file.fileId, file);
    this.byPath.set(file.filePath, file);
    return file;
  }
}
