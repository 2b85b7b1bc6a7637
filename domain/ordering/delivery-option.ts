import { MAX_AMOUNT } from '../shared/limits';
import { Minor, minor } from '../shared/money';
import { Result, ok } from '../shared/result';
import { ValidationError, invalid, text } from '../shared/validation';

/** One way a seller ships physical goods: what it is called, what it costs the shopper, how long it takes. */
export interface DeliveryOption {
  id: number;
  sellerId: number;
  name: string;
  fee: Minor;
  estimatedDays: number;
  /** A removed option stays for the orders that chose it; shoppers no longer see it. */
  active: boolean;
  createdAt: Date;
}

export type DeliveryOptionDraft = Pick<DeliveryOption, 'name' | 'fee' | 'estimatedDays'>;

export interface DeliveryOptionRepository {
  insert(sellerId: number, draft: DeliveryOptionDraft, at: Date): Promise<DeliveryOption>;
  /** The seller's active options, cheapest first. */
  listActive(sellerId: number): Promise<DeliveryOption[]>;
  /** Active options of several sellers at once (a checkout's), by id. */
  findActiveByIds(ids: readonly number[]): Promise<DeliveryOption[]>;
  /** active → inactive, only the seller's own; false when there was no such active option. */
  deactivate(sellerId: number, id: number): Promise<boolean>;
}

export const MAX_DELIVERY_OPTIONS = 10;

/** name 1–64 characters, fee 0…MAX_AMOUNT minor units, 0–365 estimated days. */
export function validateDeliveryOption(input: { name?: unknown; fee?: unknown; estimatedDays?: unknown }): Result<DeliveryOptionDraft, ValidationError> {
  const name = text('name', input.name, 1, 64);
  if (!name.ok) return name;
  if (typeof input.fee !== 'number' || !Number.isSafeInteger(input.fee) || input.fee < 0 || input.fee > MAX_AMOUNT)
    return invalid('fee', `must be an integer from 0 to ${MAX_AMOUNT} (minor units)`);
  if (typeof input.estimatedDays !== 'number' || !Number.isInteger(input.estimatedDays) || input.estimatedDays < 0 || input.estimatedDays > 365)
    return invalid('estimatedDays', 'must be a whole number of days from 0 to 365');
  return ok({ name: name.value, fee: minor(input.fee), estimatedDays: input.estimatedDays });
}
