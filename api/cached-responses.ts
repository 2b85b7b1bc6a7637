import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Which catalog reads are still current: `version` moves on every product change, here or in another instance. */
export interface CatalogReadVersion {
  /** How long a read may be reused at most (CATALOG_CACHE_MS): bounds what a lost change notice can leave stale. */
  readonly ttlMs: number;
  version(): number;
}

interface Entry {
  body: Buffer;
  etag: string;
  at: number;
  version: number;
}

/** The JSON bodies of the public catalog reads, as sent. */
const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * The serialised bodies of the anonymous catalog reads (GET /v1/products, /v1/products/:id), kept next to the
 * persistence's product read cache and dropped with it: an entry is used only while the catalog's version is the one
 * it was read at, and for CATALOG_CACHE_MS at most. A hit runs no use case, no response serialisation and no UTF-8
 * encoding (the body is a Buffer) — under load these were most of a catalog request's CPU. Every body has a strong
 * ETag (a hash of its bytes, so it survives a cache drop when nothing changed) and If-None-Match gets a 304.
 *
 * Keyed by the URL (path and query) and Accept-Language, the only inputs of these routes: they have no shopper, so
 * no one's answer can be served to someone else.
 */
export class CachedResponses {
  private readonly entries = new Map<string, Entry>();
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(
    private readonly catalog: CatalogReadVersion | null,
    options: { maxEntries?: number; now?: () => number } = {},
  ) {
    this.maxEntries = options.maxEntries ?? 1000;
    this.now = options.now ?? Date.now;
  }

  /**
   * Answers from the cache, or runs `produce` (the route's own work, which may send an error itself: that reply is
   * not kept) and keeps what it answered. Returns what the route handler returns.
   */
  async serve<T>(request: FastifyRequest, reply: FastifyReply, produce: () => Promise<T>): Promise<T | FastifyReply> {
    const catalog = this.catalog;
    if (catalog === null || catalog.ttlMs <= 0) return produce();
    const key = `${request.url}\n${request.headers['accept-language'] ?? ''}`;
    // Read before the work: a change committed while it runs moves the version, so what it read is never reused.
    const version = catalog.version();
    const now = this.now();
    const hit = this.entries.get(key);
    if (hit !== undefined && hit.version === version && now - hit.at < catalog.ttlMs) return this.send(request, reply, hit);
    const payload = await produce();
    if (reply.sent || reply.statusCode !== 200) return payload;
    // The route's own response schema serialises it, exactly as fastify would have.
    const serialised: unknown = reply.serialize(payload);
    if (typeof serialised !== 'string') return payload;
    const body = Buffer.from(serialised);
    const entry: Entry = { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"`, at: now, version };
    this.keep(key, entry);
    return this.send(request, reply, entry);
  }

  private send(request: FastifyRequest, reply: FastifyReply, entry: Entry): FastifyReply {
    reply.header('etag', entry.etag);
    if (matches(request.headers['if-none-match'], entry.etag)) return reply.code(304).send();
    return reply.type(JSON_TYPE).send(entry.body);
  }

  private keep(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}

/** RFC 9110 If-None-Match: `*` or a list of entity tags, compared weakly (W/ ignored). */
function matches(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return (t.startsWith('W/') ? t.slice(2) : t) === etag;
  });
}
