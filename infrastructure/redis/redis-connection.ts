import Redis, { Cluster, type ClusterOptions, type RedisOptions } from 'ioredis';
import { KeyValueUnavailableError } from '../../domain/shared/ports/key-value-unavailable-error';
import { type RedisClusterTarget, type RedisTarget, redisTargetOf } from './redis-target';

/** One Redis or a Redis Cluster: the commands the parts send are the same on both (single-key, see key-space.ts). */
export type RedisClient = Redis | Cluster;

export interface RedisConnectionOptions {
  /** Longest a command (or the wait for a connection) may take before the caller gets KeyValueUnavailableError. */
  commandTimeoutMs?: number;
  /** One line when Redis goes away and one when it is back (not one per reconnect attempt). */
  log?: (line: string) => void;
}

// A cluster's answers that mean "not now" rather than "wrong command": no master for the slot, a slot in motion
// (multi-key), a master still loading its data. The caller sees them as the store being unavailable.
const UNAVAILABLE_REPLIES = /^(CLUSTERDOWN|TRYAGAIN|MASTERDOWN|LOADING)\b/;

// Reconnection keeps trying in the background: 100 ms, doubling, never more than 5 s apart.
const reconnectDelay = (attempt: number): number => Math.min(100 * 2 ** Math.min(attempt - 1, 6), 5_000);

/**
 * One ioredis client that never makes a caller wait long. Commands are only sent on a ready connection and
 * nothing is queued or resent behind the caller's back: a lock acquire that timed out for its caller must not
 * run later and hold a lock that nobody will release.
 */
export class RedisConnection {
  readonly client: RedisClient;
  readonly endpoint: string;
  private readonly timeoutMs: number;
  private readonly log: (line: string) => void;
  private readonly waiters = new Set<(failure?: Error) => void>();
  private lastError: Error | undefined;
  private down = false;

  constructor(target: RedisTarget | string, options: RedisConnectionOptions = {}) {
    const to = redisTargetOf(target);
    this.endpoint = to.kind === 'single' ? endpointOf(to.url) : `cluster ${to.nodes.map((n) => `${n.host}:${n.port}`).join(',')}`;
    this.timeoutMs = options.commandTimeoutMs ?? 1_000;
    this.log = options.log ?? ((line) => console.warn(line));
    const nodeOptions = {
      autoResendUnfulfilledCommands: false,
      commandTimeout: this.timeoutMs,
      maxRetriesPerRequest: 1,
      connectTimeout: Math.max(this.timeoutMs, 2_000),
    } satisfies RedisOptions;
    this.client =
      to.kind === 'single'
        ? new Redis(to.url, { ...nodeOptions, enableOfflineQueue: false, retryStrategy: reconnectDelay })
        : new Cluster([...to.nodes], clusterOptions(to, nodeOptions));
    this.client.on('error', (error: Error) => this.onError(error));
    this.client.on('ready', () => this.onReady());
  }

  /** Runs a command once the connection is ready; anything but a Redis reply error becomes KeyValueUnavailableError. */
  async run<T>(what: string, command: (client: RedisClient) => Promise<T>): Promise<T> {
    await this.whenReady(what);
    try {
      return await this.withinDeadline(command(this.client));
    } catch (e) {
      if (e instanceof Error && e.name === 'ReplyError' && !UNAVAILABLE_REPLIES.test(e.message)) throw e;
      throw this.unavailable(what, e);
    }
  }

  /** A connection for SUBSCRIBE only (a subscribed connection takes no other commands), to the same Redis or cluster. */
  subscriber(): RedisClient {
    // Queues its SUBSCRIBE until connected and re-subscribes after a reconnect (ioredis' autoResubscribe).
    return this.client instanceof Cluster
      ? this.client.duplicate(undefined, { enableOfflineQueue: true, lazyConnect: false })
      : this.client.duplicate({ enableOfflineQueue: true, lazyConnect: false });
  }

  // One Redis bounds each command by commandTimeout. A cluster client may follow MOVED/ASK and wait out a
  // failover before it answers, each step bounded on its own; the caller's promise is bounded once, here.
  private withinDeadline<T>(reply: Promise<T>): Promise<T> {
    if (!(this.client instanceof Cluster)) return reply;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${this.timeoutMs} ms`)), this.timeoutMs);
    });
    return Promise.race([reply, deadline]).finally(() => clearTimeout(timer));
  }

  async ping(): Promise<boolean> {
    try {
      return (await this.run('PING', (client) => client.ping())) === 'PONG';
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    for (const wake of this.waiters) wake(new Error('the connection was closed'));
    if (this.client.status === 'end') return;
    if (this.client.status === 'ready') {
      const quit = await this.client.quit().then(
        () => true,
        () => false,
      );
      if (quit) return;
    }
    this.client.disconnect();
  }

  private whenReady(what: string): Promise<void> {
    if (this.client.status === 'ready') return Promise.resolve();
    if (this.client.status === 'end') return Promise.reject(this.unavailable(what, new Error('the connection was closed')));
    // Known to be down: waiting for a reconnect would only add latency to every caller during an outage.
    if (this.down && this.lastError) return Promise.reject(this.unavailable(what, this.lastError));
    return new Promise((resolve, reject) => {
      const wake = (failure?: Error) => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        if (!failure && this.client.status === 'ready') resolve();
        else reject(this.unavailable(what, failure ?? new Error('the connection was closed')));
      };
      const timer = setTimeout(() => wake(new Error(`not connected within ${this.timeoutMs} ms (${this.client.status})`)), this.timeoutMs);
      this.waiters.add(wake);
    });
  }

  private onReady(): void {
    if (this.down) this.log(`redis ${this.endpoint}: connected again`);
    this.down = false;
    this.lastError = undefined;
    for (const wake of this.waiters) wake();
  }

  private onError(error: Error): void {
    this.lastError = error;
    if (!this.down) this.log(`redis ${this.endpoint}: unavailable (${error.message}); reconnecting in the background`);
    this.down = true;
    for (const wake of this.waiters) wake(error);
  }

  private unavailable(what: string, cause: unknown): KeyValueUnavailableError {
    const reason = cause instanceof Error ? cause.message : String(cause);
    return new KeyValueUnavailableError(`redis ${this.endpoint} could not answer ${what}: ${reason}`, { cause });
  }
}

function clusterOptions(to: RedisClusterTarget, nodeOptions: RedisOptions): ClusterOptions {
  return {
    enableOfflineQueue: false,
    clusterRetryStrategy: reconnectDelay,
    // A master that went away is retried briefly (a failover or a restart takes a moment), within the deadline.
    retryDelayOnFailover: 100,
    retryDelayOnClusterDown: 100,
    retryDelayOnTryAgain: 100,
    // Retries of one command (redirections, a closed node connection) end near the caller's deadline, so a lock
    // acquire given up on does not land much later; a late one only holds its key until its TTL, never twice.
    maxRedirections: Math.max(2, Math.floor((nodeOptions.commandTimeout ?? 1_000) / 100) - 1),
    slotsRefreshTimeout: Math.max(nodeOptions.commandTimeout ?? 1_000, 1_000),
    redisOptions: {
      ...nodeOptions,
      ...(to.username ? { username: to.username } : {}),
      ...(to.password ? { password: to.password } : {}),
      ...(to.tls ? { tls: {} } : {}),
    },
  };
}

/** host:port for messages; the URL itself may carry a password, so it is never repeated. */
function endpointOf(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('the Redis URL is not a valid URL (expected redis://[user:password@]host[:port][/db])');
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new Error(`the Redis URL must start with redis:// or rediss://, not ${parsed.protocol}//`);
  }
  return `${parsed.hostname}:${parsed.port || '6379'}`;
}
