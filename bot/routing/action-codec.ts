import { ORDER_NO_PATTERN } from '../../domain/ordering';
import { MAX_CALLBACK_DATA_BYTES } from '../format/telegram-limits';

/** What a field's decode gives for text that does not read back (stale, forged or garbage): null can be a value. */
export const UNREADABLE: unique symbol = Symbol('unreadable');

/** One part of a button's callback data: how a value is written and read back. */
export interface Field<T> {
  encode(value: T): string;
  decode(text: string): T | typeof UNREADABLE;
}

/** A whole number in [min, max], written in decimal (at most 13 digits: ids stay far inside 64 bytes). */
export const intField = (min: number, max: number): Field<number> => ({
  encode: (value) => String(value),
  decode: (text) => {
    if (!/^\d{1,13}$/.test(text)) return UNREADABLE;
    const n = Number(text);
    return n >= min && n <= max ? n : UNREADABLE;
  },
});

/** Text that must match `pattern` both ways (an id from elsewhere that travels as it is). */
export const textField = (pattern: RegExp): Field<string> => ({ encode: (value) => value, decode: (text) => (pattern.test(text) ? text : UNREADABLE) });

/** One of a fixed list, written as itself. */
export const oneOfField = <T extends string>(values: readonly T[]): Field<T> => ({
  encode: (value) => value,
  decode: (text) => values.find((v) => v === text) ?? UNREADABLE,
});

/** Values written as short codes (`wechatpay` ↔ `q`). */
export const codedField = <T>(codes: ReadonlyArray<readonly [T, string]>): Field<T> => ({
  encode: (value) => {
    const code = codes.find(([v]) => v === value)?.[1];
    if (code === undefined) throw new RangeError(`no callback code for ${String(value)}`);
    return code;
  },
  decode: (text) => {
    const found = codes.find(([, code]) => code === text);
    return found ? found[0] : UNREADABLE;
  },
});

export const orderNoField: Field<string> = textField(ORDER_NO_PATTERN);

type Fields = Readonly<Record<string, Field<unknown>>>;
type ValueOf<F> = F extends Field<infer T> ? T : never;
type PayloadOf<F extends Fields> = { [N in keyof F]: ValueOf<F[N]> };

/**
 * A kind of button: its kind name, the short code its callback data starts with, the fields after it (in this
 * order, `:`-separated), and whether only admins may press it. Declared by the feature folder that handles it.
 */
export interface ActionSpec<K extends string, P extends object> {
  readonly kind: K;
  readonly code: string;
  readonly adminOnly: boolean;
  encode(payload: P): string;
  /** The action from the parts after the code; null when any part does not read back. */
  decode(parts: readonly string[]): ({ k: K } & P) | null;
  readonly arity: number;
}

export function defineAction<K extends string, F extends Fields>(
  kind: K,
  code: string,
  fields: F,
  options: { adminOnly?: boolean } = {},
): ActionSpec<K, PayloadOf<F>> {
  const names: Array<keyof F & string> = Object.keys(fields);
  return {
    kind,
    code,
    adminOnly: options.adminOnly === true,
    arity: names.length,
    encode: (payload) => [code, ...names.map((name) => field(name).encode(payload[name]))].join(':'),
    decode: (parts) => {
      if (parts.length !== names.length) return null;
      const payload: Partial<PayloadOf<F>> = {};
      for (const [i, name] of names.entries()) {
        const value = field(name).decode(parts[i] ?? '');
        if (value === UNREADABLE) return null;
        payload[name] = value;
      }
      return isComplete(payload, names) ? { k: kind, ...payload } : null;
    },
  };

  // Each field reads and writes the value type PayloadOf gives its name; TypeScript cannot follow a generic record's
  // per-key types through an index, so this is the one place that says so.
  function field<N extends keyof F>(name: N): Field<PayloadOf<F>[N]> {
    return fields[name] as Field<PayloadOf<F>[N]>;
  }
}

const isComplete = <P extends object>(payload: Partial<P>, names: ReadonlyArray<keyof P>): payload is P => names.every((name) => name in payload);

export type PayloadOfSpec<S> = S extends ActionSpec<string, infer P> ? P : never;

export const fitsCallbackData = (data: string): boolean => Buffer.byteLength(data, 'utf8') <= MAX_CALLBACK_DATA_BYTES;

/** Splits callback data into its code (one part, or two for codes like `bc:y`) and the rest; a spec decides. */
export function splitCallbackData(data: string): { parts: string[] } | null {
  if (!fitsCallbackData(data)) return null;
  const parts = data.split(':');
  // Nothing the bot builds has more than four parts (a review's stars: code, order, line, stars).
  return parts.length > 4 ? null : { parts };
}

/** A product id on a button. */
export const idField = intField(1, 1_000_000_000_000);
/** A page of a list. */
export const pageField = intField(1, 100_000);
