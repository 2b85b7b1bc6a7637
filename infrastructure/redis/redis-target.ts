/** Where the Redis parts connect: one Redis (a URL) or a Redis Cluster (its seed nodes; the rest is discovered). */
export type RedisTarget = { readonly kind: 'single'; readonly url: string } | RedisClusterTarget;

export interface RedisClusterTarget {
  readonly kind: 'cluster';
  /** Any of the masters will do as a seed; the client reads the slot map from the first one that answers. */
  readonly nodes: ReadonlyArray<{ readonly host: string; readonly port: number }>;
  readonly username?: string;
  readonly password?: string;
  readonly tls: boolean;
}

/** A plain string is a single Redis's URL (what REDIS_URL holds). */
export const redisTargetOf = (target: RedisTarget | string): RedisTarget => (typeof target === 'string' ? { kind: 'single', url: target } : target);

/**
 * REDIS_CLUSTER_NODES entries: `host:port`, or `redis://[user:password@]host:port` / `rediss://…` when the cluster
 * needs a password or TLS. Every node of one cluster takes the same credentials, so entries that disagree are refused.
 */
export function parseClusterNodes(entries: readonly string[]): RedisClusterTarget {
  if (entries.length === 0) throw new Error('name at least one node (host:port)');
  let shared: { username?: string; password?: string; tls: boolean } | undefined;
  const nodes = entries.map((entry) => {
    const withScheme = /^[a-z]+:\/\//.test(entry) ? entry : `redis://${entry}`;
    let url: URL;
    try {
      url = new URL(withScheme);
    } catch {
      throw new Error(`"${entry.replace(/\/\/[^@]*@/, '//')}" is not host:port or a redis:// URL`);
    }
    if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') throw new Error(`a node must be host:port, redis:// or rediss://, not ${url.protocol}//`);
    if (!url.hostname || !url.port) throw new Error(`"${url.host}" names no port (host:port)`);
    if ((url.pathname && url.pathname !== '/') || url.search) throw new Error('a cluster has one database only: give host:port, no /db');
    const auth = {
      username: url.username ? decodeURIComponent(url.username) : undefined,
      password: url.password ? decodeURIComponent(url.password) : undefined,
      tls: url.protocol === 'rediss:',
    };
    if (shared && (shared.username !== auth.username || shared.password !== auth.password || shared.tls !== auth.tls))
      throw new Error('every node must have the same credentials and scheme (one cluster, one user)');
    shared = auth;
    return { host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port) };
  });
  return {
    kind: 'cluster',
    nodes,
    tls: shared?.tls ?? false,
    ...(shared?.username ? { username: shared.username } : {}),
    ...(shared?.password ? { password: shared.password } : {}),
  };
}
