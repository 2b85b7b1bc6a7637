import { Result, ok } from '../shared/result';
import { ValidationError } from '../shared/validation';
import { AccountDeps } from './account-deps';
import { ShippingAddress, validateShippingAddress } from './shipping-address';

/** The shopper's saved shipping address (null: none yet). */
export function getShippingAddress(deps: AccountDeps, userId: string): Promise<ShippingAddress | null> {
  return deps.uow.read((tx) => tx.addresses.find(userId));
}

/** Saves (replaces) the shopper's shipping address, for this checkout and the next. */
export async function saveShippingAddress(deps: AccountDeps, userId: string, input: unknown): Promise<Result<ShippingAddress, ValidationError>> {
  const address = validateShippingAddress(input);
  if (!address.ok) return address;
  await deps.uow.run((tx) => tx.addresses.save(userId, address.value, deps.clock.now()));
  return ok(address.value);
}
