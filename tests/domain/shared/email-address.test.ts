import { emailAddressOf } from '../../../domain/shared/email-address';
import { minor, writeMajorUnits } from '../../../domain/shared/money';

describe('an e-mail address', () => {
  it('takes what shoppers type, trimmed, with the domain in lower case', () => {
    expect(emailAddressOf(' Me.Tea+shop@Example.COM ')).toBe('Me.Tea+shop@example.com');
    expect(emailAddressOf('a@b.co')).toBe('a@b.co');
    expect(emailAddressOf('li@xn--fiqs8s.cn')).toBe('li@xn--fiqs8s.cn');
  });

  it('refuses what no mailbox has', () => {
    for (const bad of [
      '',
      'me',
      '@example.com',
      'me@',
      'me@gmail',
      'me@@example.com',
      'me @example.com',
      'me..x@example.com',
      '.me@example.com',
      'me@-example.com',
      'me@example.123',
      `${'a'.repeat(65)}@example.com`,
      `me@${'a'.repeat(250)}.com`,
      'me@exa mple.com',
      'me@example.com\n'.repeat(2),
    ])
      expect(emailAddressOf(bad)).toBeNull();
  });
});

describe('major units written out', () => {
  it('is exact in every currency', () => {
    expect(writeMajorUnits(minor(990), 'CNY')).toBe('9.90');
    expect(writeMajorUnits(minor(5), 'CNY')).toBe('0.05');
    expect(writeMajorUnits(minor(0), 'USD')).toBe('0.00');
    expect(writeMajorUnits(minor(-1250), 'EUR')).toBe('-12.50');
    expect(writeMajorUnits(minor(1500), 'JPY')).toBe('1500');
    expect(writeMajorUnits(minor(1234), 'KWD')).toBe('1.234');
  });
});
