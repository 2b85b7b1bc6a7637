import { Type } from '@sinclair/typebox';
import Fastify, { FastifyInstance } from 'fastify';
import { CachedResponses, CatalogReadVersion } from '../../api/cached-responses';

/** A route behind CachedResponses on a bare fastify: counts how often the route's own work runs. */
async function serverWith(catalog: CatalogReadVersion | null, now: () => number) {
  const app: FastifyInstance = Fastify();
  const cache = new CachedResponses(catalog, { now, maxEntries: 2 });
  let produced = 0;
  let price = 100;
  app.get(
    '/things/:id',
    { schema: { response: { 200: Type.Object({ id: Type.String(), price: Type.Integer() }), 404: Type.Object({ error: Type.String() }) } } },
    async (request, reply) =>
      cache.serve(request, reply, async () => {
        produced += 1;
        const { id } = request.params as { id: string };
        if (id === 'missing') return reply.code(404).send({ error: 'none' });
        // `secret` is not in the response schema: the kept body is serialised by it, so it is left out.
        return { id, price, secret: 'x' };
      }),
  );
  await app.ready();
  return {
    app,
    produced: () => produced,
    setPrice: (p: number) => void (price = p),
    get: (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers }),
  };
}

describe('catalog response bodies kept while the catalog version holds', () => {
  let version = 0;
  let clock = 1_000;
  const catalog: CatalogReadVersion = { ttlMs: 2_000, version: () => version };

  beforeEach(() => {
    version = 0;
    clock = 1_000;
  });

  it('answers a repeat from the kept body, with the schema-serialised JSON and a strong ETag', async () => {
    const s = await serverWith(catalog, () => clock);
    const first = await s.get('/things/a');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ id: 'a', price: 100 });
    expect(first.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(first.headers.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await s.get('/things/a');
    expect(again.body).toBe(first.body);
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(s.produced()).toBe(1);
    await s.app.close();
  });

  it('reads again after a catalog change, and after the lifetime, and keys by URL and Accept-Language', async () => {
    const s = await serverWith(catalog, () => clock);
    const before = await s.get('/things/a');
    s.setPrice(200);
    expect((await s.get('/things/a')).json()).toEqual({ id: 'a', price: 100 });
    version += 1;
    const after = await s.get('/things/a');
    expect(after.json()).toEqual({ id: 'a', price: 200 });
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(s.produced()).toBe(2);

    clock += 2_000;
    await s.get('/things/a');
    expect(s.produced()).toBe(3);

    await s.get('/things/a', { 'accept-language': 'zh' });
    await s.get('/things/a?lang=ru');
    expect(s.produced()).toBe(5);
    await s.app.close();
  });

  it('keeps a change made while the work ran from being hidden by what the work read before it', async () => {
    const s = await serverWith({ ttlMs: 2_000, version: () => version++ }, () => clock);
    await s.get('/things/a');
    await s.get('/things/a');
    // Every answer saw the version move: none is reused.
    expect(s.produced()).toBe(2);
    await s.app.close();
  });

  it('answers If-None-Match with 304 while the body is the same, and 200 when it changed', async () => {
    const s = await serverWith(catalog, () => clock);
    const { etag } = (await s.get('/things/a')).headers as { etag: string };
    for (const header of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const res = await s.get('/things/a', { 'if-none-match': header });
      expect([header, res.statusCode, res.body]).toEqual([header, 304, '']);
      expect(res.headers.etag).toBe(etag);
    }
    expect((await s.get('/things/a', { 'if-none-match': '"other"' })).statusCode).toBe(200);
    // A cache drop with nothing changed gives the same ETag: the client's copy still holds.
    version += 1;
    expect((await s.get('/things/a', { 'if-none-match': etag })).statusCode).toBe(304);
    s.setPrice(300);
    version += 1;
    const changed = await s.get('/things/a', { 'if-none-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toEqual({ id: 'a', price: 300 });
    await s.app.close();
  });

  it('never keeps an error reply, keeps a bounded number of bodies, and keeps none without a catalog cache', async () => {
    const s = await serverWith(catalog, () => clock);
    expect((await s.get('/things/missing')).statusCode).toBe(404);
    expect((await s.get('/things/missing')).statusCode).toBe(404);
    expect(s.produced()).toBe(2);
    await s.get('/things/a');
    await s.get('/things/b');
    await s.get('/things/c');
    await s.get('/things/a');
    expect(s.produced()).toBe(6);
    await s.app.close();

    for (const off of [null, { ttlMs: 0, version: () => 0 }]) {
      const plain = await serverWith(off, () => clock);
      const res = await plain.get('/things/a');
      expect(res.json()).toEqual({ id: 'a', price: 100 });
      expect(res.headers.etag).toBeUndefined();
      await plain.get('/things/a');
      expect(plain.produced()).toBe(2);
      await plain.app.close();
    }
  });
});
