import { toTelegrafSessionStore } from '../../../infrastructure/redis/telegraf-session-store';
import { keyValueBackends } from '../../support/services';
import { openBackend, type TestBackend } from './redis-test-backend';

const LONG = 30_000;

describe.each(keyValueBackends())('session store (%s)', (backend) => {
  let b: TestBackend;
  beforeAll(async () => {
    b = await openBackend(backend, 'session');
  });
  afterAll(() => b.dispose());

  it('round-trips a value as JSON and is visible to another process', async () => {
    const session = { lang: 'zh', cart: [{ sku: 'Q100', qty: 2 }], at: new Date('2025-01-02T03:04:05.000Z') };
    await b.parts.sessions.set('chat:1', session, LONG);
    session.lang = 'en';
    const expected = { lang: 'zh', cart: [{ sku: 'Q100', qty: 2 }], at: '2025-01-02T03:04:05.000Z' };
    expect(await b.parts.sessions.get('chat:1')).toEqual(expected);
    expect(await b.peer().sessions.get('chat:1')).toEqual(expected);
  });

  it('answers undefined for a missing, deleted or expired key', async () => {
    expect(await b.parts.sessions.get('chat:none')).toBeUndefined();
    await b.parts.sessions.set('chat:del', { step: 1 }, LONG);
    await b.parts.sessions.delete('chat:del');
    expect(await b.parts.sessions.get('chat:del')).toBeUndefined();
    await b.parts.sessions.set('chat:ttl', { step: 1 }, 100);
    await b.advance(250);
    expect(await b.parts.sessions.get('chat:ttl')).toBeUndefined();
  });

  it('keeps falsy JSON values and treats undefined as removal', async () => {
    await b.parts.sessions.set('chat:zero', 0, LONG);
    expect(await b.parts.sessions.get('chat:zero')).toBe(0);
    await b.parts.sessions.set('chat:null', null, LONG);
    expect(await b.parts.sessions.get('chat:null')).toBeNull();
    await b.parts.sessions.set('chat:zero', undefined, LONG);
    expect(await b.parts.sessions.get('chat:zero')).toBeUndefined();
  });

  it('refuses what JSON cannot hold instead of storing nothing', async () => {
    await expect(b.parts.sessions.set('chat:fn', () => 1, LONG)).rejects.toThrow(TypeError);
  });

  it('backs a telegraf-shaped store whose entries expire ttlMs after a write', async () => {
    const store = toTelegrafSessionStore<{ count: number }>(b.parts.sessions, 500);
    expect(await store.get('tg:1')).toBeUndefined();
    await store.set('tg:1', { count: 1 });
    expect(await store.get('tg:1')).toEqual({ count: 1 });
    await store.delete('tg:1');
    expect(await store.get('tg:1')).toBeUndefined();
    await store.set('tg:2', { count: 2 });
    await b.advance(700);
    expect(await store.get('tg:2')).toBeUndefined();
  });
});
