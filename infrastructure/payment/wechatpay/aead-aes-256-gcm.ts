import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Result, err, ok } from '../../../domain/shared/result';

export const AEAD_ALGORITHM = 'AEAD_AES_256_GCM';
const TAG_BYTES = 16;

export interface AeadInput {
  /** The 32-character APIv3 key; its UTF-8 bytes ARE the AES-256 key (no hashing, no hex decoding). */
  apiV3Key: string;
  /** Used as the IV, as UTF-8 bytes (WeChat sends 12 printable characters). */
  nonce: string;
  associatedData: string;
}

function keyBytes(apiV3Key: string): Result<Buffer, string> {
  const key = Buffer.from(apiV3Key, 'utf8');
  return key.length === 32 ? ok(key) : err(`APIv3 key must be 32 bytes, got ${key.length}`);
}

/** 12 characters from [0-9A-Za-z], as WeChat's own nonces look. */
export function generateAeadNonce(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return [...randomBytes(12)].map((b) => alphabet[b % alphabet.length]).join('');
}

/** Returns base64(ciphertext ‖ 16-byte tag), the `resource.ciphertext` of a notification. */
export function encryptAeadAes256Gcm(input: AeadInput & { plaintext: string }): string {
  const key = keyBytes(input.apiV3Key);
  if (!key.ok) throw new RangeError(key.error);
  const cipher = createCipheriv('aes-256-gcm', key.value, Buffer.from(input.nonce, 'utf8'), { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(input.associatedData, 'utf8'));
  const body = Buffer.concat([cipher.update(input.plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([body, cipher.getAuthTag()]).toString('base64');
}

/** Decrypts and authenticates; a wrong key, nonce, AAD or any flipped byte fails the tag check. */
export function decryptAeadAes256Gcm(input: AeadInput & { ciphertext: string }): Result<string, string> {
  const key = keyBytes(input.apiV3Key);
  if (!key.ok) return key;
  if (input.nonce === '') return err('nonce is empty');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(input.ciphertext) || input.ciphertext.length % 4 !== 0) return err('ciphertext is not base64');
  const data = Buffer.from(input.ciphertext, 'base64');
  if (data.length < TAG_BYTES) return err('ciphertext is shorter than the 16-byte GCM tag');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.value, Buffer.from(input.nonce, 'utf8'), { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(input.associatedData, 'utf8'));
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    const plain = Buffer.concat([decipher.update(data.subarray(0, data.length - TAG_BYTES)), decipher.final()]);
    return ok(plain.toString('utf8'));
  } catch {
    return err('GCM authentication failed (wrong key, nonce, associated_data or tampered ciphertext)');
  }
}
