import { X509Certificate } from 'node:crypto';
import { Result, err, ok } from '../../../domain/shared/result';
import { AEAD_ALGORITHM, decryptAeadAes256Gcm } from './aead-aes-256-gcm';
import { isObject, objectField, parseJsonObject, stringField } from './json-shape';
import { LearnedPlatformKey, readRsaPublicKey } from './platform-key-ring';

/** A platform certificate from `GET /v3/certificates`, decrypted and checked; `pem` is what the store keeps. */
export interface PlatformCertificate extends LearnedPlatformKey {
  pem: string;
  notBefore: Date;
}

/** Certificate serials are hex; WeChat writes them upper-case, X509Certificate too, but compare without case. */
const sameSerial = (a: string, b: string): boolean => a.replace(/^0+/, '').toUpperCase() === b.replace(/^0+/, '').toUpperCase();

/**
 * Reads a certificate PEM as the store or WeChat gave it: an RSA key, its serial matching what it is listed under,
 * and its validity. Only a current certificate is trusted (one not yet valid is refused, an expired one too).
 */
export function readPlatformCertificate(serial: string, pem: string, now: Date): Result<PlatformCertificate, string> {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(pem);
  } catch (e) {
    return err(`certificate ${serial} is not a valid X.509 certificate: ${(e as Error).message}`);
  }
  if (!sameSerial(cert.serialNumber, serial)) return err(`certificate listed as ${serial} has serial ${cert.serialNumber}`);
  const key = readRsaPublicKey(pem, `certificate ${serial}`);
  if (!key.ok) return key;
  const notBefore = new Date(cert.validFrom);
  const notAfter = new Date(cert.validTo);
  if (!(notBefore.getTime() <= now.getTime() && now.getTime() < notAfter.getTime()))
    return err(`certificate ${serial} is valid from ${notBefore.toISOString()} to ${notAfter.toISOString()}, not now`);
  return ok({ serial: serial.toUpperCase(), key: key.value, notAfter, notBefore, pem });
}

/**
 * The body of `GET /v3/certificates`: each certificate AES-256-GCM encrypted under the APIv3 key — which only WeChat
 * and this merchant know, so a certificate that decrypts is WeChat's. Every entry must decrypt and check; one that
 * does not makes the whole list suspect, and none of it is trusted.
 */
export function decodeCertificateList(rawBody: Buffer, apiV3Key: string, now: Date): Result<PlatformCertificate[], string> {
  const body = parseJsonObject(rawBody.toString('utf8'));
  const data = body?.data;
  if (!Array.isArray(data)) return err('the certificate list has no "data" array');
  const certificates: PlatformCertificate[] = [];
  for (const entry of data) {
    if (!isObject(entry)) return err('a certificate entry is not an object');
    const serial = stringField(entry, 'serial_no');
    const encrypted = objectField(entry, 'encrypt_certificate');
    if (!serial || !/^[0-9A-Fa-f]{1,64}$/.test(serial)) return err('a certificate entry has no hex serial_no');
    if (!encrypted) return err(`certificate ${serial} has no encrypt_certificate`);
    const algorithm = stringField(encrypted, 'algorithm');
    if (algorithm !== AEAD_ALGORITHM) return err(`certificate ${serial} is encrypted with "${algorithm ?? ''}", not ${AEAD_ALGORITHM}`);
    const pem = decryptAeadAes256Gcm({
      apiV3Key,
      nonce: stringField(encrypted, 'nonce') ?? '',
      associatedData: stringField(encrypted, 'associated_data') ?? '',
      ciphertext: stringField(encrypted, 'ciphertext') ?? '',
    });
    if (!pem.ok) return err(`certificate ${serial} does not decrypt with the APIv3 key: ${pem.error}`);
    const cert = readPlatformCertificate(serial, pem.value, now);
    // An expired certificate may still be listed during the overlap's end: skipped, not a reason to distrust the rest.
    if (!cert.ok) {
      if (/not now$/.test(cert.error)) continue;
      return cert;
    }
    certificates.push(cert.value);
  }
  return ok(certificates);
}
