import { generateKeyPair, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, linkSync, unlinkSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';

const generateRsa = promisify(generateKeyPair);

/** `n` random decimal digits, for the made-up merchant and app ids. */
export const randomDigits = (n: number): string => [...randomBytes(n)].map((b) => String(b % 10)).join('');

/** A fresh RSA-2048 pair as PEM (SPKI public, PKCS#8 private), as both wallets' keys are kept. */
export function rsaPemPair(): Promise<{ privateKey: string; publicKey: string }> {
  return generateRsa('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
}

/**
 * Writes `file` (0600) unless it exists. link() refuses to replace, so when two processes race to make their
 * keys, exactly one set wins and both then read it.
 */
export function createOnce(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(tmp, text, { mode: 0o600 });
  try {
    linkSync(tmp, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    unlinkSync(tmp);
  }
}

/** A PEM copy for tools configured by file, written 0600 once. */
export function writeIfMissing(path: string, text: string): void {
  if (existsSync(path)) return;
  writeFileSync(path, text, { mode: 0o600 });
  chmodSync(path, 0o600);
}
