// Telegram reads every parameter the same way whatever the body type (query string, JSON,
// form-urlencoded or multipart): as text that it converts on demand. These readers do the same, so a
// handler never cares whether `chat_id` arrived as the number 42 or the string "42".

export interface UploadedFile {
  field: string;
  filename: string;
  mimeType: string;
  bytes: Buffer;
}

export interface RequestParams {
  values: Record<string, unknown>;
  files: Map<string, UploadedFile>;
}

export const emptyParams = (): RequestParams => ({ values: {}, files: new Map() });

export function hasParam(params: RequestParams, name: string): boolean {
  const value = params.values[name];
  return value !== undefined && value !== null && value !== '';
}

/** The parameter as text; JSON objects and arrays come back as their JSON text, as Telegram sees them. */
export function stringParam(params: RequestParams, name: string): string | undefined {
  const value = params.values[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Integer reading the way the C++ server does it: leading digits count, anything else reads as 0. */
export function intParam(params: RequestParams, name: string): number | undefined {
  const text = stringParam(params, name);
  if (text === undefined || text.trim() === '') return undefined;
  const match = /^\s*([+-]?\d+)/.exec(text);
  return match ? Number(match[1]) : 0;
}

/** An integer with Telegram's default and silent clamping (getUpdates' limit and timeout work this way). */
export function clampedIntParam(params: RequestParams, name: string, fallback: number, min: number, max: number): number {
  const value = intParam(params, name);
  if (value === undefined) return fallback;
  return Math.min(max, Math.max(min, value));
}

export function boolParam(params: RequestParams, name: string): boolean {
  const value = params.values[name];
  if (value === true) return true;
  if (typeof value === 'number') return value === 1;
  if (typeof value !== 'string') return false;
  const text = value.trim().toLowerCase();
  return text === 'true' || text === 'yes' || text === '1';
}

export type JsonParam = { kind: 'absent' } | { kind: 'invalid' } | { kind: 'value'; value: unknown };

/** A parameter that holds JSON: an object in a JSON body, or its serialized text in any other body. */
export function jsonParam(params: RequestParams, name: string): JsonParam {
  const value = params.values[name];
  if (value === undefined || value === null || value === '') return { kind: 'absent' };
  if (typeof value !== 'string') return { kind: 'value', value };
  try {
    return { kind: 'value', value: JSON.parse(value) as unknown };
  } catch {
    return { kind: 'invalid' };
  }
}

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Parameters without file bytes, fit for the call log. */
export function describeParams(params: RequestParams): Record<string, unknown> {
  const described: Record<string, unknown> = { ...params.values };
  for (const file of params.files.values()) {
    described[file.field] = { upload: file.filename, size: file.bytes.length };
  }
  return described;
}
