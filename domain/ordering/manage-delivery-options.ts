import { DomainError, Result, fail, ok } from '../shared/result';
import { ValidationError } from '../shared/validation';
import { DeliveryOption, MAX_DELIVERY_OPTIONS, validateDeliveryOption } from './delivery-option';
import { OrderingDeps } from './ordering-deps';

/** A seller's active delivery options (what a shopper picks from at checkout), cheapest first. */
export function listDeliveryOptions(deps: OrderingDeps, sellerId: number): Promise<DeliveryOption[]> {
  return deps.uow.read((tx) => tx.deliveryOptions.listActive(sellerId));
}

/** A seller adds a way to ship: at most MAX_DELIVERY_OPTIONS active ones. */
export async function addDeliveryOption(
  deps: OrderingDeps,
  sellerId: number,
  input: { name?: unknown; fee?: unknown; estimatedDays?: unknown },
): Promise<Result<DeliveryOption, ValidationError | DomainError<'TOO_MANY_DELIVERY_OPTIONS'>>> {
  const draft = validateDeliveryOption(input);
  if (!draft.ok) return draft;
  return deps.uow.run(async (tx): Promise<Result<DeliveryOption, DomainError<'TOO_MANY_DELIVERY_OPTIONS'>>> => {
    // Two concurrent adds may both pass the count: the cap is a guard against clutter, not a money rule.
    const active = await tx.deliveryOptions.listActive(sellerId);
    if (active.length >= MAX_DELIVERY_OPTIONS) return fail('TOO_MANY_DELIVERY_OPTIONS', `at most ${MAX_DELIVERY_OPTIONS} delivery options per shop`);
    return ok(await tx.deliveryOptions.insert(sellerId, draft.value, deps.clock.now()));
  });
}

/** A seller withdraws an option (orders that chose it keep their copy); another seller's id is "not found". */
export async function removeDeliveryOption(deps: OrderingDeps, sellerId: number, optionId: number): Promise<Result<void, DomainError<'NOT_FOUND'>>> {
  const removed = await deps.uow.run((tx) => tx.deliveryOptions.deactivate(sellerId, optionId));
  return removed ? ok(undefined) : fail('NOT_FOUND', `no delivery option ${optionId}`);
}
