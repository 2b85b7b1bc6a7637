import { KeyObject, createSign, createVerify, generateKeyPairSync } from 'node:crypto';

/**
 * Alipay's RSA2 content: every parameter but `sign` (and, for notifications, `sign_type`), non-empty, sorted by
 * key, joined `k=v&…` with the raw (decoded) values.
 */
export function signContent(params: Readonly<Record<string, string>>, exclude: readonly string[]): string {
  return Object.keys(params)
    .filter((k) => !exclude.includes(k) && params[k] !== '')
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join('&');
}

export const rsa2Sign = (content: string, key: KeyObject): string => createSign('RSA-SHA256').update(content, 'utf8').sign(key, 'base64');

export function rsa2Verify(content: string, signature: string, key: KeyObject): boolean {
  try {
    return createVerify('RSA-SHA256').update(content, 'utf8').verify(key, signature, 'base64');
  } catch {
    return false;
  }
}

/** A key that is not Alipay's: the "signed by another key" forgery signs with it. */
export const strangerKey = (): KeyObject => generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
