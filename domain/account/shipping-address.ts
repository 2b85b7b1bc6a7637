import { Result, ok } from '../shared/result';
import { ValidationError, invalid, text } from '../shared/validation';

/** Where a shopper's physical goods go: kept per shopper and offered again at the next checkout. */
export interface ShippingAddress {
  recipient: string;
  phone: string;
  address: string;
}

export interface ShippingAddressRepository {
  find(userId: string): Promise<ShippingAddress | null>;
  /** Insert or replace the shopper's one saved address. */
  save(userId: string, address: ShippingAddress, at: Date): Promise<void>;
}

/** recipient 1–64, phone 3–32 of digits, spaces, + - ( ), address 5–300 characters. */
export function validateShippingAddress(input: unknown): Result<ShippingAddress, ValidationError> {
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const recipient = text('address.recipient', raw.recipient, 1, 64);
  if (!recipient.ok) return recipient;
  const phone = text('address.phone', raw.phone, 3, 32);
  if (!phone.ok) return phone;
  if (!/^[0-9+\-() ]+$/.test(phone.value)) return invalid('address.phone', 'may hold only digits, spaces and + - ( )');
  const address = text('address.address', raw.address, 5, 300);
  if (!address.ok) return address;
  return ok({ recipient: recipient.value, phone: phone.value, address: address.value });
}

/** The one text an order keeps (and a seller ships to). */
export const addressLine = (a: ShippingAddress): string => `${a.recipient}, ${a.phone}, ${a.address}`;
