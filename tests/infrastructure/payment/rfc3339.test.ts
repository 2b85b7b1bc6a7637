import { formatBeijingTime, parseRfc3339 } from '../../../infrastructure/payment/wechatpay/rfc3339';

describe('RFC 3339 times', () => {
  it('formats in China Standard Time with +08:00, whole seconds', () => {
    expect(formatBeijingTime(new Date('2026-11-21T02:34:56.789Z'))).toBe('2026-11-21T10:34:56+08:00');
    expect(formatBeijingTime(new Date('2026-12-31T18:00:00Z'))).toBe('2027-01-01T02:00:00+08:00');
  });

  it('parses offsets and Z, and refuses what is not RFC 3339', () => {
    expect(parseRfc3339('2026-11-21T10:34:56+08:00')?.toISOString()).toBe('2026-11-21T02:34:56.000Z');
    expect(parseRfc3339('2026-11-21T02:34:56Z')?.toISOString()).toBe('2026-11-21T02:34:56.000Z');
    expect(parseRfc3339('2026-11-21T10:34:56.5-01:30')?.toISOString()).toBe('2026-11-21T12:04:56.500Z');
    for (const bad of ['2026-11-21 10:34:56', '2026-11-21T10:34:56', '2026-02-30T10:00:00+08:00', '2026-11-21T25:00:00+08:00', 'tomorrow']) {
      expect(parseRfc3339(bad)).toBeUndefined();
    }
  });
});
