import { hashTagOf } from '../../../infrastructure/redis/key-space';

describe('hashTagOf (the part of a key Redis Cluster hashes)', () => {
  it.each([
    ['tillbot:lock:job:a', 'tillbot:lock:job:a'],
    ['tillbot:lock:{order-42}:a', 'order-42'],
    ['{a}{b}', 'a'],
    ['x{}{y}', 'x{}{y}'],
    ['open{only', 'open{only'],
    ['close}only{', 'close}only{'],
  ])('%s hashes as %s', (key, tag) => {
    expect(hashTagOf(key)).toBe(tag);
  });
});
