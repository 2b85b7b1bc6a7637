/** Narrowing helpers for JSON from the wire: nothing received is trusted to have the shape we hope for. */
export type JsonObject = Record<string, unknown>;

export const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseJsonObject(text: string): JsonObject | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return isObject(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

export const stringField = (o: JsonObject, key: string): string | undefined => (typeof o[key] === 'string' ? (o[key] as string) : undefined);

export const intField = (o: JsonObject, key: string): number | undefined =>
  typeof o[key] === 'number' && Number.isSafeInteger(o[key]) ? (o[key] as number) : undefined;

export const objectField = (o: JsonObject, key: string): JsonObject | undefined => (isObject(o[key]) ? (o[key] as JsonObject) : undefined);
