/** JSON text for a session value, refusing what JSON would silently drop (a function, a symbol). */
export function sessionJson(key: string, value: unknown): string {
  const text: string | undefined = JSON.stringify(value);
  if (text === undefined) throw new TypeError(`session ${key}: a ${typeof value} cannot be stored as JSON`);
  return text;
}

export const parseSession = (text: string | null): unknown => (text === null ? undefined : (JSON.parse(text) as unknown));
