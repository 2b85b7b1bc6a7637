import { PNG } from 'pngjs';
import { placeholderPhoto } from '../../bot/assets/placeholder-photo';
import { formatMoney, parseMoneyInput } from '../../bot/format/money';
import { fitCaption, fitText, splitText } from '../../bot/format/telegram-limits';
import { formatTime } from '../../bot/format/time';

describe("fitting texts into Telegram's limits", () => {
  it('cuts at the limit with an ellipsis and never through an emoji', () => {
    expect(fitText('short')).toBe('short');
    expect(fitText('x'.repeat(5000))).toHaveLength(4096);
    expect(fitText('x'.repeat(5000)).endsWith('…')).toBe(true);
    const emoji = `${'a'.repeat(1022)}😀😀`;
    const cut = fitCaption(emoji);
    expect(cut.length).toBeLessThanOrEqual(1024);
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(fitText('   ')).toBe('…');
  });

  it('splits long lists at line breaks into messages that each fit', () => {
    const lines = Array.from({ length: 600 }, (_, i) => `CODE-${String(i).padStart(4, '0')}-ABCDEFGHIJ`);
    const chunks = splitText(lines.join('\n'));
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(4096);
    expect(chunks.join('\n').split('\n')).toEqual(lines);
    expect(splitText('y'.repeat(9000))).toEqual([fitText('y'.repeat(9000))]);
  });
});

describe('money and time for people', () => {
  it('formats minor units', () => {
    expect(formatMoney(1990, 'CNY')).toBe('¥19.90');
    expect(formatMoney(5, 'CNY')).toBe('¥0.05');
    expect(formatMoney(-250, 'CNY')).toBe('-¥2.50');
    expect(formatMoney(1000, 'CNY', { signed: true })).toBe('+¥10.00');
    expect(formatMoney(1000, 'JPY')).toBe('10.00 JPY');
  });

  it('reads amounts as admins type them, and nothing else', () => {
    expect(parseMoneyInput('19.9')).toBe(1990);
    expect(parseMoneyInput('¥19.90')).toBe(1990);
    expect(parseMoneyInput('7')).toBe(700);
    expect(parseMoneyInput('0,5')).toBe(50);
    expect(parseMoneyInput('+10', { signed: true })).toBe(1000);
    expect(parseMoneyInput('-2.50', { signed: true })).toBe(-250);
    for (const bad of ['-2', '1.234', 'ten', '', '1e3', '12.', '.5']) expect(parseMoneyInput(bad)).toBeNull();
  });

  it("shows moments in the shop's time zone", () => {
    expect(formatTime(new Date('2025-01-01T16:30:00Z'), 480)).toBe('2025-01-02 00:30 (UTC+8)');
    expect(formatTime(new Date('2025-01-01T16:30:00Z'), -330, { withZone: false })).toBe('2025-01-01 11:00');
  });
});

describe('the placeholder product photo', () => {
  it('is a valid PNG Telegram accepts as a photo', () => {
    const png = PNG.sync.read(placeholderPhoto());
    expect([png.width, png.height]).toEqual([320, 320]);
  });
});
