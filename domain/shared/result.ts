// Expected failures travel as values with stable codes; exceptions are for the unexpected.
export type Ok<T> = { readonly ok: true; readonly value: T };
export type Err<E> = { readonly ok: false; readonly error: E };
export type Result<T, E> = Ok<T> | Err<E>;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const err = <E>(error: E): Err<E> => ({ ok: false, error });

/** A failure the shopper or admin can act on: a stable code plus a sentence that explains it. */
export interface DomainError<C extends string = string> {
  readonly code: C;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export const fail = <C extends string>(code: C, message: string, details?: Record<string, unknown>): Err<DomainError<C>> =>
  err(details ? { code, message, details } : { code, message });
