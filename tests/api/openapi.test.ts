// The OpenAPI document is generated from the routes: it must be a valid OpenAPI 3.1 document, name every route the
// server registered, and tell the truth about auth — every route it says is protected answers a stranger 401
// before reading the body (auth in onRequest), and every admin route is protected.
import { execFileSync } from 'node:child_process';
import { RegisteredRoute } from '../../api/server';
import { TestShop, startTestShop } from '../support/test-shop';

interface OpenApiDoc {
  openapi: string;
  paths: Record<string, Record<string, { security?: Array<Record<string, string[]>>; responses?: Record<string, unknown>; summary?: string }>>;
  components: { securitySchemes: Record<string, unknown> };
}

// The validator is an ES module, which jest's CommonJS runtime cannot load: it runs in its own node, as a user would run it.
const VALIDATE = `import { Validator } from '@seriousme/openapi-schema-validator';
let text = ''; for await (const chunk of process.stdin) text += chunk;
process.stdout.write(JSON.stringify(await new Validator().validate(JSON.parse(text))));`;
const validateOpenApi = (doc: unknown): { valid: boolean; errors?: unknown } =>
  JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', VALIDATE], { input: JSON.stringify(doc), cwd: process.cwd() }).toString()) as {
    valid: boolean;
    errors?: unknown;
  };

const documentPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
const listed = (r: RegisteredRoute) => r.method !== 'HEAD' && (r.schema as { hide?: boolean } | undefined)?.hide !== true;
const securityOf = (r: RegisteredRoute) =>
  ((r.schema as { security?: Array<Record<string, string[]>> } | undefined)?.security ?? []).flatMap((s) => Object.keys(s));

/** A URL for the route with plausible values in its parameters (auth must refuse before they matter). */
const sampleUrl = (url: string) =>
  url.replace(/:([A-Za-z0-9_]+)/g, (_m, name: string) => ({ orderNo: 'T20260301100000000000000001', name: 'sync-refunds' })[name] ?? '1');

describe('the OpenAPI document', () => {
  let shop: TestShop;
  let doc: OpenApiDoc;
  let routes: RegisteredRoute[];
  beforeAll(async () => {
    shop = await startTestShop('sqlite');
    const res = await shop.api.inject({ method: 'GET', url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    doc = res.json() as OpenApiDoc;
    routes = shop.api.registeredRoutes.filter(listed);
  });
  afterAll(() => shop.close());

  it('is a valid OpenAPI 3.1 document', () => {
    expect(doc.openapi).toBe('3.1.0');
    const result = validateOpenApi(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('names every registered route, each with a summary, a success and the error shape', () => {
    expect(routes.length).toBeGreaterThan(25);
    const missing = routes.filter((r) => doc.paths[documentPath(r.url)]?.[r.method.toLowerCase()] === undefined).map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
    for (const r of routes) {
      const op = doc.paths[documentPath(r.url)]?.[r.method.toLowerCase()];
      const statuses = Object.keys(op?.responses ?? {});
      expect([`${r.method} ${r.url}`, typeof op?.summary]).toEqual([`${r.method} ${r.url}`, 'string']);
      expect([`${r.method} ${r.url}`, statuses.some((s) => s.startsWith('2'))]).toEqual([`${r.method} ${r.url}`, true]);
      if (r.url.startsWith('/v1/')) expect([`${r.method} ${r.url}`, statuses]).toEqual([`${r.method} ${r.url}`, expect.arrayContaining(['4XX', '5XX'])]);
    }
    // Nothing documented that does not exist.
    const registered = new Set(routes.map((r) => `${r.method.toLowerCase()} ${documentPath(r.url)}`));
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
    expect(documented.filter((d) => !registered.has(d))).toEqual([]);
  });

  it('declares the three auth schemes, and every admin route asks for the admin bearer', () => {
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['adminBearer', 'alipaySignature', 'miniAppInitData', 'wechatpaySignature']);
    const admin = routes.filter((r) => r.url.startsWith('/v1/admin/'));
    expect(admin.length).toBeGreaterThan(8);
    expect(admin.filter((r) => securityOf(r).join() !== 'adminBearer').map((r) => r.url)).toEqual([]);
    expect(doc.paths['/v1/payments/wechatpay/notify']?.post?.security).toEqual([{ wechatpaySignature: [] }]);
    expect(doc.paths['/v1/payments/alipay/notify']?.post?.security).toEqual([{ alipaySignature: [] }]);
  });

  it('every protected route answers a stranger 401 before it reads the body', async () => {
    const guarded = routes.filter((r) => securityOf(r).some((s) => s === 'adminBearer' || s === 'miniAppInitData'));
    expect(guarded.length).toBeGreaterThan(20);
    for (const r of guarded) {
      for (const headers of [{}, { authorization: 'Bearer not-the-admin-key-0000000' }, { authorization: 'tma query_id=forged&hash=00' }]) {
        const res = await shop.api.inject({
          method: r.method as 'GET',
          url: sampleUrl(r.url),
          headers: { ...headers, 'content-type': 'application/json' },
          ...(r.method === 'GET' || r.method === 'DELETE' ? {} : { payload: '{"not":"what the route takes"' }),
        });
        expect([`${r.method} ${r.url}`, res.statusCode, res.json().error.code]).toEqual([`${r.method} ${r.url}`, 401, 'UNAUTHORIZED']);
      }
    }
  });

  it('serves the interactive reference at /docs', async () => {
    const res = await shop.api.inject({ method: 'GET', url: '/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toMatch(/swagger/i);
  });
});
