import { badRequest } from '../bot-api-error';
import type { RequestParams, UploadedFile } from '../request-params';
import { stringParam } from '../request-params';
import { extensionOf, type FileKind, type FileStore, type StoredFile } from './file-store';
import { sniffImage } from './image-size';

const URL_FETCH_TIMEOUT_MS = 10_000;
const KIND_NAMES: Record<FileKind, string> = { photo: 'Photo', document: 'Document' };

/** Which file a `photo` / `document` parameter names, before any bytes are looked at. */
export type InputFile = { source: 'upload'; upload: UploadedFile } | { source: 'url'; url: string } | { source: 'file_id'; fileId: string };

/**
 * Reads the parameter the way Telegram does: an uploaded part under the field's own name (or
 * "attach://<name>"), else an http(s) URL for Telegram to fetch, else a file_id it already has.
 */
export function readInputFile(params: RequestParams, field: FileKind): InputFile {
  const value = stringParam(params, field)?.trim() ?? '';
  const attached = value.startsWith('attach://') ? params.files.get(value.slice('attach://'.length)) : undefined;
  const upload = attached ?? params.files.get(field);
  if (upload) return { source: 'upload', upload };
  if (value === '') throw badRequest(`there is no ${field} in the request`);
  if (/^https?:\/\//i.test(value)) return { source: 'url', url: value };
  return { source: 'file_id', fileId: value };
}

async function fetchUrl(url: string, signal: AbortSignal): Promise<{ bytes: Buffer; fileName?: string }> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.any([signal, AbortSignal.timeout(URL_FETCH_TIMEOUT_MS)]) });
  } catch {
    throw badRequest('failed to get HTTP URL content');
  }
  if (!response.ok) throw badRequest('failed to get HTTP URL content');
  const bytes = Buffer.from(await response.arrayBuffer());
  const name = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
  return name ? { bytes, fileName: name } : { bytes };
}

function storePhoto(files: FileStore, bytes: Buffer, fromUrl: boolean): StoredFile {
  if (bytes.length === 0) throw badRequest('file must be non-empty');
  const image = sniffImage(bytes);
  if (!image) throw badRequest(fromUrl ? 'wrong type of the web page content' : 'IMAGE_PROCESS_FAILED');
  if (image.width + image.height > 10_000 || Math.max(image.width / image.height, image.height / image.width) > 20) {
    throw badRequest('PHOTO_INVALID_DIMENSIONS');
  }
  return files.addPhoto(bytes, image);
}

/** Turns the input into a file of the wanted kind, storing new bytes; errors carry Telegram's texts. */
export async function resolveInputFile(files: FileStore, input: InputFile, kind: FileKind, signal: AbortSignal): Promise<StoredFile> {
  if (input.source === 'file_id') {
    const known = files.get(input.fileId);
    if (!known) throw badRequest('wrong file identifier/HTTP URL specified');
    if (known.kind !== kind) throw badRequest(`can't use file of type ${KIND_NAMES[known.kind]} as ${KIND_NAMES[kind]}`);
    return known;
  }
  if (input.source === 'url') {
    const { bytes, fileName } = await fetchUrl(input.url, signal);
    return kind === 'photo' ? storePhoto(files, bytes, true) : files.addDocument(bytes, fileName);
  }
  const { bytes, filename, mimeType } = input.upload;
  if (kind === 'photo') return storePhoto(files, bytes, false);
  if (bytes.length === 0) throw badRequest('file must be non-empty');
  // The extension decides the type; the part's own content type only counts for a name without one.
  const declared = !extensionOf(filename) && mimeType !== 'application/octet-stream' ? mimeType : undefined;
  return files.addDocument(bytes, filename || undefined, declared);
}
