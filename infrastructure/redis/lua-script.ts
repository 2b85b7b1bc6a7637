import { createHash } from 'node:crypto';
import { hashTagOf } from './key-space';
import type { RedisClient } from './redis-connection';

/**
 * A Lua script sent by its SHA1 (EVALSHA) and, the first time a server has not seen it (NOSCRIPT), in full.
 * Redis runs a script atomically, which is what makes compare-and-delete and count-and-expire safe.
 */
export class LuaScript {
  private readonly sha: string;

  constructor(private readonly source: string) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  async run(client: RedisClient, keys: string[], args: Array<string | number>): Promise<unknown> {
    // Said here, on one Redis too, so a script over keys a cluster would split fails in every test, not in production.
    const tags = new Set(keys.map(hashTagOf));
    if (tags.size > 1) throw new RangeError(`the keys of one script must share a hash tag {…} (one Redis Cluster slot): ${keys.join(', ')}`);
    const params = [...keys, ...args];
    try {
      return await client.evalsha(this.sha, keys.length, ...params);
    } catch (e) {
      if (!(e instanceof Error && e.message.startsWith('NOSCRIPT'))) throw e;
      return client.eval(this.source, keys.length, ...params);
    }
  }
}

export function replyNumber(reply: unknown, what: string): number {
  if (typeof reply === 'number') return reply;
  throw new Error(`${what}: expected a number from Redis, got ${JSON.stringify(reply)}`);
}
