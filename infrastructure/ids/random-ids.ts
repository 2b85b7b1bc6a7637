import { randomInt, randomUUID } from 'node:crypto';
import { Ids } from '../../domain/shared/ids';

/** The production Ids: cryptographic randomness, so order numbers cannot be guessed from one another. */
export const randomIds: Ids = {
  digits(count: number): string {
    let digits = '';
    // Five digits per draw: randomInt's range must stay below 2^48, and 10^5 keeps every draw uniform.
    while (digits.length < count) digits += randomInt(0, 100_000).toString().padStart(5, '0');
    return digits.slice(0, count);
  },
  uuid: () => randomUUID(),
};
