// telegraf reads an upload's stream while it sends; a retried call would send an empty file. Reading the stream
// into memory once, before the first attempt, makes every attempt send the same bytes (Telegram caps uploads at
// 50 MB, and the bot's own uploads are QR codes and small files).

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

const isStream = (value: unknown): value is AsyncIterable<unknown> =>
  isRecord(value) && typeof value.pipe === 'function' && typeof (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function';

async function readAll(stream: AsyncIterable<unknown>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk instanceof Uint8Array ? chunk : String(chunk)));
  return Buffer.concat(chunks);
}

function containsStream(value: unknown, depth: number): boolean {
  if (depth > 4 || !isRecord(value) || Buffer.isBuffer(value)) return false;
  if (isStream(value)) return true;
  return Object.values(value).some((inner) => containsStream(inner, depth + 1));
}

async function replace(value: unknown, depth: number): Promise<unknown> {
  if (!containsStream(value, depth)) return value;
  if (isStream(value)) return readAll(value);
  if (Array.isArray(value)) return Promise.all(value.map((item) => replace(item, depth + 1)));
  const record = value as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(record)) copy[key] = await replace(inner, depth + 1);
  return copy;
}

/** The payload with every stream (at any InputFile position: source, media, thumbnail) replaced by its bytes. */
export async function withReplayableUploads<T>(payload: T): Promise<T> {
  return (await replace(payload, 0)) as T;
}
