// A real three-master Redis Cluster on free local ports, as child processes of the test file that needs it:
// `redis-server --cluster-enabled yes` ×3, joined by `redis-cli --cluster create`, ready once every node says
// cluster_state:ok and sees all 16384 slots. Nothing is persisted but each node's nodes.conf (in a temp folder),
// which is what lets a killed master come back on its port as the same node.
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import type { RedisClusterTarget } from '../../infrastructure/redis/redis-target';

const MASTERS = 3;
const START_TIMEOUT_MS = 30_000;

export interface ClusterNode {
  readonly port: number;
  readonly id: string;
}

export interface TestRedisCluster {
  readonly target: RedisClusterTarget;
  readonly nodes: readonly ClusterNode[];
  /** The node that serves a key's slot right now. */
  nodeOf(key: string): Promise<ClusterNode>;
  slotOf(key: string): Promise<number>;
  /** SIGKILL one master (its keys are gone: nothing is persisted), as a crash would. */
  kill(node: ClusterNode): Promise<void>;
  /** Starts a killed master again on its port with its nodes.conf, and waits for cluster_state:ok everywhere. */
  restart(node: ClusterNode): Promise<void>;
  /**
   * Moves one slot to another master the way `redis-cli --cluster reshard` does: IMPORTING/MIGRATING (clients get
   * ASK for keys not yet moved), then `during()`, then MIGRATE of its keys and SETSLOT NODE on every master (MOVED).
   */
  moveSlot(slot: number, to: ClusterNode, during?: () => Promise<void>): Promise<void>;
  /** True when this very node holds the key (asked directly, no redirection followed). */
  holds(node: ClusterNode, key: string): Promise<boolean>;
  /** Keys per master (DBSIZE), in node order. */
  keysPerNode(): Promise<number[]>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = START_TIMEOUT_MS): Promise<void> {
  const started = Date.now();
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() - started > timeoutMs) throw new Error(`redis cluster: ${what} not within ${timeoutMs} ms`);
    await sleep(50);
  }
}

interface NodeProcess {
  port: number;
  busPort: number;
  child: ChildProcess | null;
  output: string[];
}

function run(command: string, args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else reject(new Error(`${command} ${args.join(' ')} exited ${code}:\n${output}`));
    });
  });
}

/** Starts the cluster; `nodeTimeoutMs` is cluster-node-timeout (how long before the others call a silent master failed). */
export async function startRedisCluster(options: { nodeTimeoutMs?: number } = {}): Promise<TestRedisCluster> {
  try {
    return await startOnce(options);
  } catch (first) {
    // A free port can be taken by another process between our probe and redis-server's bind: once more, new ports.
    try {
      return await startOnce(options);
    } catch {
      throw first;
    }
  }
}

async function startOnce(options: { nodeTimeoutMs?: number }): Promise<TestRedisCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'tillbot-redis-cluster-'));
  const nodeTimeoutMs = options.nodeTimeoutMs ?? 5_000;
  const procs: NodeProcess[] = [];
  const admins = new Map<number, Redis>();
  const admin = (port: number): Redis => {
    let client = admins.get(port);
    if (!client) {
      client = new Redis({ host: '127.0.0.1', port, lazyConnect: false, maxRetriesPerRequest: 1, retryStrategy: () => 100 });
      client.on('error', () => undefined);
      admins.set(port, client);
    }
    return client;
  };

  const launch = (node: NodeProcess) => {
    const args = [
      '--port',
      String(node.port),
      '--bind',
      '127.0.0.1',
      '--cluster-enabled',
      'yes',
      '--cluster-port',
      String(node.busPort),
      '--cluster-config-file',
      join(dir, `nodes-${node.port}.conf`),
      '--cluster-node-timeout',
      String(nodeTimeoutMs),
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      'no',
      '--daemonize',
      'no',
    ];
    const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (c: Buffer) => {
      node.output.push(...c.toString().split('\n').filter(Boolean));
      if (node.output.length > 200) node.output.splice(0, node.output.length - 200);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.once('error', (e) => node.output.push(`spawn failed: ${e.message}`));
    node.child = child;
  };

  const stopAll = async () => {
    for (const client of admins.values()) client.disconnect();
    admins.clear();
    await Promise.all(procs.map((p) => stopProcess(p)));
    rmSync(dir, { recursive: true, force: true });
  };

  const clusterOk = async (port: number) => {
    const info = await admin(port).cluster('INFO');
    return /cluster_state:ok/.test(info) && /cluster_slots_ok:16384/.test(info) && /cluster_known_nodes:3/.test(info);
  };
  const everyNodeOk = () => waitFor('cluster_state:ok on every node', async () => (await Promise.all(procs.map((p) => clusterOk(p.port)))).every(Boolean));

  try {
    for (let i = 0; i < MASTERS; i += 1) procs.push({ port: await freePort(), busPort: await freePort(), child: null, output: [] });
    procs.forEach(launch);
    await Promise.all(procs.map((p) => waitFor(`redis-server on ${p.port}`, async () => (await admin(p.port).ping()) === 'PONG')));
    await run('redis-cli', ['--cluster', 'create', ...procs.map((p) => `127.0.0.1:${p.port}`), '--cluster-replicas', '0', '--cluster-yes'], START_TIMEOUT_MS);
    await everyNodeOk();
  } catch (e) {
    const outputs = procs.map((p) => `redis ${p.port}:\n${p.output.slice(-20).join('\n')}`).join('\n');
    await stopAll();
    throw new Error(`${(e as Error).message}\n${outputs}`);
  }

  const nodes: ClusterNode[] = await Promise.all(procs.map(async (p) => ({ port: p.port, id: String(await admin(p.port).cluster('MYID')) })));
  const procOf = (node: ClusterNode): NodeProcess => {
    const found = procs.find((p) => p.port === node.port);
    if (!found) throw new Error(`no cluster node on port ${node.port}`);
    return found;
  };
  const first = () => {
    const live = procs.find((p) => p.child !== null);
    if (!live) throw new Error('every cluster node is down');
    return admin(live.port);
  };
  const slotOf = async (key: string) => Number(await first().cluster('KEYSLOT', key));
  const nodeOfSlot = async (slot: number): Promise<ClusterNode> => {
    const owner = ownerIn(await first().cluster('SLOTS'), slot);
    const node = nodes.find((n) => n.port === owner);
    if (!node) throw new Error(`no master serves slot ${slot}`);
    return node;
  };

  return {
    target: { kind: 'cluster', nodes: nodes.map((n) => ({ host: '127.0.0.1', port: n.port })), tls: false },
    nodes,
    slotOf,
    nodeOf: async (key) => nodeOfSlot(await slotOf(key)),
    async kill(node) {
      await stopProcess(procOf(node), 'SIGKILL');
    },
    async restart(node) {
      const proc = procOf(node);
      if (proc.child) throw new Error(`cluster node ${node.port} is still running`);
      launch(proc);
      await waitFor(`redis-server on ${node.port} again`, async () => (await admin(node.port).ping()) === 'PONG');
      await everyNodeOk();
    },
    async moveSlot(slot, to, during) {
      const from = await nodeOfSlot(slot);
      if (from.port === to.port) throw new Error(`slot ${slot} is already on ${to.port}`);
      await admin(to.port).cluster('SETSLOT', slot, 'IMPORTING', from.id);
      await admin(from.port).cluster('SETSLOT', slot, 'MIGRATING', to.id);
      await during?.();
      for (;;) {
        const keys = (await admin(from.port).cluster('GETKEYSINSLOT', slot, 100)) as string[];
        if (keys.length === 0) break;
        await admin(from.port).migrate('127.0.0.1', to.port, '', 0, 5_000, 'KEYS', ...keys);
      }
      // The new owner first, as redis-cli does, so no moment exists in which nobody claims the slot.
      await admin(to.port).cluster('SETSLOT', slot, 'NODE', to.id);
      await admin(from.port).cluster('SETSLOT', slot, 'NODE', to.id);
      for (const other of nodes.filter((n) => n.port !== from.port && n.port !== to.port)) await admin(other.port).cluster('SETSLOT', slot, 'NODE', to.id);
      await waitFor(`slot ${slot} on ${to.port} everywhere`, async () => {
        const owners = await Promise.all(
          nodes.map(async (n) => {
            return ownerIn(await admin(n.port).cluster('SLOTS'), slot);
          }),
        );
        return owners.every((port) => port === to.port);
      });
    },
    async holds(node, key) {
      // ASKING first: an importing node answers for a slot it does not own yet only to an asking client.
      const replies = await admin(node.port).pipeline().call('ASKING').exists(key).exec();
      return replies?.[1]?.[1] === 1;
    },
    keysPerNode: () => Promise.all(nodes.map((n) => admin(n.port).dbsize())),
    stop: stopAll,
  };
}

/** The port of the master CLUSTER SLOTS names for a slot. */
function ownerIn(ranges: Array<[number, number, ...Array<[string, number, ...unknown[]]>]>, slot: number): number | undefined {
  const range = ranges.find(([lo, hi]) => slot >= lo && slot <= hi);
  return range?.[2]?.[1];
}

async function stopProcess(proc: NodeProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  const child = proc.child;
  if (!child) return;
  proc.child = null;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
