import { MAX_MINOR_UNITS, addMinor, minor, price, shareOfMinor, subtractMinor, sumMinor, timesMinor } from '../../../domain/shared/money';

// The Money class became a branded minor-units type (issue 9): the same promises, on the type that replaced it.
describe('money', () => {
  it('is integer minor units, and a price carries an ISO currency', () => {
    expect(() => minor(1.5)).toThrow(RangeError);
    expect(() => minor(MAX_MINOR_UNITS + 1)).toThrow(RangeError);
    expect(() => minor(Number.NaN)).toThrow(RangeError);
    expect(() => price(100, 'cny')).toThrow(RangeError);
    expect(price(250, 'CNY')).toEqual({ amount: 250, currency: 'CNY' });
    expect(JSON.stringify(price(250, 'CNY'))).toBe('{"amount":250,"currency":"CNY"}');
    expect(timesMinor(minor(250), 3)).toBe(750);
    expect(subtractMinor(addMinor(minor(250), minor(50)), minor(100))).toBe(200);
    expect(sumMinor([])).toBe(0);
  });

  it('never books a fraction: arithmetic that leaves integers fails loudly', () => {
    expect(() => timesMinor(minor(1), 0.5)).toThrow(RangeError);
    expect(shareOfMinor(minor(2200), minor(1000), minor(2000))).toBe(1100);
    expect(shareOfMinor(minor(1000), minor(1), minor(3))).toBe(333);
  });
});
