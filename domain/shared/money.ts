import { DomainError, Result, fail, ok } from './result';

/** ISO 4217 code; the shop sells in one currency at a time, but amounts never travel without theirs. */
export type Currency = string;

/** Largest amount we accept anywhere: fits a signed 64-bit column and stays exact in a JS number. */
export const MAX_MINOR_UNITS = Number.MAX_SAFE_INTEGER;

/** Integer minor units (fen, cents) with a currency. Never a float. */
export class Money {
  private constructor(
    readonly amount: number,
    readonly currency: Currency,
  ) {}

  static of(amount: number, currency: Currency): Money {
    const checked = Money.create(amount, currency);
    if (!checked.ok) throw new RangeError(checked.error.message);
    return checked.value;
  }

  static create(amount: number, currency: Currency): Result<Money, DomainError<'INVALID_MONEY'>> {
    if (!Number.isSafeInteger(amount)) return fail('INVALID_MONEY', `amount must be an integer number of minor units, got ${amount}`);
    if (!/^[A-Z]{3}$/.test(currency)) return fail('INVALID_MONEY', `currency must be a three-letter ISO code, got "${currency}"`);
    return ok(new Money(amount, currency));
  }

  static zero(currency: Currency): Money {
    return new Money(0, currency);
  }

  add(other: Money): Money {
    this.assertSameCurrency(other);
    return Money.of(this.amount + other.amount, this.currency);
  }

  subtract(other: Money): Money {
    this.assertSameCurrency(other);
    return Money.of(this.amount - other.amount, this.currency);
  }

  times(quantity: number): Money {
    if (!Number.isSafeInteger(quantity)) throw new RangeError(`quantity must be an integer, got ${quantity}`);
    return Money.of(this.amount * quantity, this.currency);
  }

  equals(other: Money): boolean {
    return this.amount === other.amount && this.currency === other.currency;
  }

  isNegative(): boolean {
    return this.amount < 0;
  }

  toJSON(): { amount: number; currency: Currency } {
    return { amount: this.amount, currency: this.currency };
  }

  private assertSameCurrency(other: Money): void {
    if (other.currency !== this.currency) throw new RangeError(`cannot mix ${this.currency} and ${other.currency}`);
  }
}
