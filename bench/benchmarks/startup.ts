// startup: spawn → first 200 from /healthz (on an already migrated database, and on an empty one: migrations
// included), and the resident memory of the idle shop, against a bare fastify process started the same way.
import { Figure, figure } from '../support/figures';
import { startBareFastify } from '../support/references';
import { rssMb } from '../support/shop-process';
import { BenchContext, withWorld } from '../support/world';

const IDLE_MS = 5000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startup(ctx: BenchContext): Promise<Figure[]> {
  const bare = await startBareFastify();
  await sleep(IDLE_MS);
  const bareRss = rssMb(bare.proc.pid);
  await bare.stop();
  return withWorld(ctx, 'startup', async (world) => {
    const first = await world.startShop({ name: 'startup-first' });
    await first.stop();
    const shop = await world.startShop({ name: 'startup' });
    await sleep(IDLE_MS);
    const idle = rssMb(shop.pid);
    return [
      figure({
        benchmark: 'startup',
        figure: 'start → /healthz (migrated database)',
        unit: 'ms',
        shop: shop.startMs,
        reference: bare.startMs,
        referenceName: 'bare fastify start',
        better: 'lower',
        notes: [`first start on an empty database (migrations included): ${first.startMs} ms`],
      }),
      figure({
        benchmark: 'startup',
        figure: `idle RSS ${IDLE_MS / 1000} s after start`,
        unit: 'MB',
        shop: idle,
        reference: bareRss,
        referenceName: 'bare fastify idle RSS',
        better: 'lower',
        target: '≤ 150 MB',
      }),
    ];
  });
}
