import { KeyObject, generateKeyPair, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import forge from 'node-forge';

const generateRsa = promisify(generateKeyPair);

/** A platform key as WeChat issues one for certificate mode: an RSA key and its X.509 certificate, hex serial. */
export interface IssuedPlatformKey {
  serial: string;
  privateKey: KeyObject;
  certificatePem: string;
  notBefore: Date;
  notAfter: Date;
}

const CERTIFICATE_YEARS = 5;

/**
 * Issues the sandbox's rotated platform keys. WeChat's certificates come from Tenpay's CA; what the merchant relies
 * on is that they arrive encrypted under its APIv3 key, so a self-signed certificate exercises the same checks.
 */
export async function issuePlatformKey(mchId: string, now: Date): Promise<IssuedPlatformKey> {
  const { privateKey, publicKey } = await generateRsa('rsa', { modulusLength: 2048 });
  // 20 bytes with the top bit clear: a positive serial that X.509 writes back exactly as given.
  const bytes = randomBytes(20);
  bytes[0] = (bytes[0]! & 0x7f) | 0x10;
  const serial = bytes.toString('hex').toUpperCase();
  const notBefore = new Date(now.getTime() - 60_000);
  const notAfter = new Date(now.getTime() + CERTIFICATE_YEARS * 365 * 24 * 3600_000);

  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = serial;
  cert.validity.notBefore = notBefore;
  cert.validity.notAfter = notAfter;
  const subject = [
    { shortName: 'CN', value: 'Tenpay.com sandbox platform certificate' },
    { shortName: 'O', value: 'tillbot sandbox' },
    { shortName: 'OU', value: mchId },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  const signingKey = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  cert.sign(signingKey as forge.pki.rsa.PrivateKey, forge.md.sha256.create());
  return { serial, privateKey, certificatePem: forge.pki.certificateToPem(cert), notBefore, notAfter };
}
