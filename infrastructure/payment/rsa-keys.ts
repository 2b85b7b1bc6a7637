import { KeyObject, X509Certificate, createPrivateKey, createPublicKey } from 'node:crypto';
import { Result, err, ok } from '../../domain/shared/result';

// Both providers sign with RSA (WeChat Pay v3 and Alipay RSA2): one reader of their PEM keys.

/** Reads an RSA public key from PEM text; a certificate yields its key. */
export function readRsaPublicKey(pem: string, what: string): Result<KeyObject, string> {
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem)) return err(`${what} is a PRIVATE key; a public key or certificate is expected`);
  if (!/-----BEGIN [A-Z0-9 ]+-----/.test(pem)) return err(`${what} is not PEM text (no "-----BEGIN …-----" line)`);
  try {
    const key = /-----BEGIN CERTIFICATE-----/.test(pem) ? new X509Certificate(pem).publicKey : createPublicKey(pem);
    if (key.asymmetricKeyType !== 'rsa') return err(`${what} is a ${key.asymmetricKeyType ?? 'non-RSA'} key; RSA is expected`);
    return ok(key);
  } catch (e) {
    return err(`${what} is not a valid public key: ${(e as Error).message}`);
  }
}

export function readRsaPrivateKey(pem: string, what: string): Result<KeyObject, string> {
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem)) return err(`${what} is not a PEM private key (expected "-----BEGIN PRIVATE KEY-----")`);
  try {
    const key = createPrivateKey(pem);
    if (key.asymmetricKeyType !== 'rsa') return err(`${what} is a ${key.asymmetricKeyType ?? 'non-RSA'} key; RSA is expected`);
    return ok(key);
  } catch (e) {
    return err(`${what} is not a valid private key: ${(e as Error).message}`);
  }
}
