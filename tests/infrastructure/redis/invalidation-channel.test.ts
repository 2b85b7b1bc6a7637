import { keyValueBackends } from '../../support/services';
import { openBackend, TestBackend } from './redis-test-backend';

/** Resolves once `heard()` is true; fails after `ms` (Redis pub/sub is asynchronous). */
async function eventually(heard: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!heard()) {
    if (Date.now() > until) throw new Error('not heard in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe.each(keyValueBackends())('InvalidationChannel (%s)', (backend) => {
  let redis: TestBackend;
  // One backend for the file (a cluster takes seconds to start); every test listens on connections of its own.
  beforeAll(async () => {
    redis = await openBackend(backend, 'invalidate');
  });
  afterAll(async () => {
    await redis.dispose();
  });

  it('a publish reaches every subscriber of the topic, in this instance and the others, and no other topic', async () => {
    const here = redis.parts.invalidations;
    const there = redis.peer().invalidations;
    const heard = { here: 0, there: 0, other: 0 };
    here.subscribe('catalog', () => (heard.here += 1));
    there.subscribe('catalog', () => (heard.there += 1));
    there.subscribe('other', () => (heard.other += 1));
    // A subscription on Redis is live once its SUBSCRIBE is acknowledged: publish until the peer hears.
    await eventually(() => {
      if (heard.there === 0) here.publish('catalog');
      return heard.there > 0;
    });
    await eventually(() => heard.here > 0);
    expect(heard.other).toBe(0);
  });

  it('an unsubscribed listener hears nothing more', async () => {
    const channel = redis.peer().invalidations;
    let heard = 0;
    let control = 0;
    const unsubscribe = channel.subscribe('catalog', () => (heard += 1));
    channel.subscribe('catalog', () => (control += 1));
    unsubscribe();
    await eventually(() => {
      if (control === 0) channel.publish('catalog');
      return control > 0;
    });
    expect(heard).toBe(0);
  });
});
