import { OutboxHandler } from './outbox/outbox-handler';

/** Where a context keeps what the composition root collects from it, out of the doors' way (`shop.ordering.placeOrder` stays a use case). */
export const CONTEXT = Symbol('context');

export interface ContextParts<C extends string> {
  /** The context's outbox topics with their handlers and retry policies. */
  readonly handlers: readonly OutboxHandler[];
  /** The stable codes of the expected failures it owns (doors map each once). */
  readonly errorCodes: readonly C[];
}

/** A bounded context's one public face: its use cases with their dependencies bound, plus its parts. */
export type Context<U extends object, C extends string = never> = U & { readonly [CONTEXT]: ContextParts<C> };

export function defineContext<U extends object, C extends string = never>(
  useCases: U,
  parts: { handlers?: readonly OutboxHandler[]; errorCodes?: readonly C[] } = {},
): Context<U, C> {
  return { ...useCases, [CONTEXT]: { handlers: parts.handlers ?? [], errorCodes: parts.errorCodes ?? [] } };
}

/** The error codes of every context of a shop, as a type. */
export type ErrorCodesOf<S> = { [K in keyof S]: S[K] extends { readonly [CONTEXT]: ContextParts<infer C> } ? C : never }[keyof S];
