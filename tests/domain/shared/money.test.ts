import { Money } from '../../../domain/shared/money';

describe('Money', () => {
  it('is integer minor units with a currency', () => {
    expect(Money.create(1.5, 'CNY').ok).toBe(false);
    expect(Money.create(Number.MAX_SAFE_INTEGER + 1, 'CNY').ok).toBe(false);
    expect(Money.create(100, 'cny').ok).toBe(false);
    expect(Money.of(250, 'CNY').times(3).toJSON()).toEqual({ amount: 750, currency: 'CNY' });
    expect(Money.of(250, 'CNY').add(Money.of(50, 'CNY')).subtract(Money.of(100, 'CNY')).amount).toBe(200);
  });

  it('never mixes currencies', () => {
    expect(() => Money.of(1, 'CNY').add(Money.of(1, 'USD'))).toThrow('cannot mix CNY and USD');
  });
});
