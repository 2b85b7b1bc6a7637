import { KeyObject, createPrivateKey, createPublicKey } from 'node:crypto';
import { Result, err, ok } from '../../../domain/shared/result';
import { readRsaPrivateKey, readRsaPublicKey } from '../rsa-keys';

// Alipay's key tool and open platform hand keys out as bare base64 (no PEM lines) as often as PEM: both are read,
// and each key is handed on as PEM (PKCS#8 private, SPKI public), the one form the SDK and node:crypto agree on.

const bareBase64 = (text: string): Buffer | null => {
  const compact = text.replace(/\s+/g, '');
  return /^[A-Za-z0-9+/]+={0,2}$/.test(compact) ? Buffer.from(compact, 'base64') : null;
};

const rsaOnly = (key: KeyObject, what: string): Result<KeyObject, string> =>
  key.asymmetricKeyType === 'rsa' ? ok(key) : err(`${what} is a ${key.asymmetricKeyType ?? 'non-RSA'} key; Alipay RSA2 needs RSA`);

/** The app's private key (PEM, or bare base64 PKCS#8 / PKCS#1) as PKCS#8 PEM. */
export function readAlipayPrivateKey(text: string, what: string): Result<string, string> {
  const trimmed = text.trim();
  let key: Result<KeyObject, string>;
  if (trimmed.startsWith('-----')) key = readRsaPrivateKey(trimmed, what);
  else {
    const der = bareBase64(trimmed);
    if (!der) return err(`${what} is neither PEM nor base64 text`);
    key = err(`${what} is not a valid RSA private key (tried PKCS#8 and PKCS#1)`);
    for (const type of ['pkcs8', 'pkcs1'] as const) {
      try {
        key = ok(createPrivateKey({ key: der, format: 'der', type }));
        break;
      } catch {
        // the other encoding, then give up
      }
    }
  }
  if (!key.ok) return key;
  const rsa = rsaOnly(key.value, what);
  return rsa.ok ? ok(rsa.value.export({ format: 'pem', type: 'pkcs8' }).toString()) : rsa;
}

/** Alipay's public key (PEM, a certificate, or bare base64 SPKI) as SPKI PEM. */
export function readAlipayPublicKey(text: string, what: string): Result<string, string> {
  const trimmed = text.trim();
  let key: Result<KeyObject, string>;
  if (trimmed.startsWith('-----')) key = readRsaPublicKey(trimmed, what);
  else {
    const der = bareBase64(trimmed);
    if (!der) return err(`${what} is neither PEM nor base64 text`);
    try {
      key = ok(createPublicKey({ key: der, format: 'der', type: 'spki' }));
    } catch (e) {
      key = err(`${what} is not a valid public key: ${(e as Error).message}`);
    }
  }
  if (!key.ok) return key;
  const rsa = rsaOnly(key.value, what);
  return rsa.ok ? ok(rsa.value.export({ format: 'pem', type: 'spki' }).toString()) : rsa;
}
