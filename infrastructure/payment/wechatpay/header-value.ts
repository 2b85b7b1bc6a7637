export type HeaderBag = Readonly<Record<string, string | string[] | number | undefined>>;

/** Case-insensitive single header value; a header repeated with different values is ambiguous and reads as absent. */
export function headerValue(headers: HeaderBag, name: string): string | undefined {
  const wanted = name.toLowerCase();
  let found: string | undefined;
  for (const key of Object.keys(headers)) {
    if (key.toLowerCase() !== wanted) continue;
    const raw = headers[key];
    const values = Array.isArray(raw) ? raw : raw === undefined ? [] : [String(raw)];
    for (const v of values) {
      if (found !== undefined && found !== v) return undefined;
      found = v;
    }
  }
  return found;
}
