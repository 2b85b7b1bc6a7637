import { createHash } from 'node:crypto';

/**
 * SHA-256 in hex: a fingerprint that must stay the same across versions (a stored request hash is compared with the
 * hash of a replayed request). The only Node built-in the domain imports; hashing is deterministic, so it needs no port.
 */
export const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');
