import { readFileSync } from 'node:fs';
import { DomainError, Result, fail, ok } from '../../../domain/shared/result';
import { readAlipayPrivateKey, readAlipayPublicKey } from './alipay-keys';

/** Alipay's production gateway (OpenAPI 2.0, the one face-to-face payment is served on). */
export const ALIPAY_GATEWAY_URL = 'https://openapi.alipay.com/gateway.do';

export interface AlipayConfig {
  appId: string;
  /** The app's private key, PKCS#8 PEM: signs every request (RSA2). */
  privateKey: string;
  /** Alipay's public key, SPKI PEM: verifies every response and notification. */
  alipayPublicKey: string;
  gateway: string;
  /** Where Alipay posts the payment notifications (the shop's /v1/payments/alipay/notify). */
  notifyUrl: string;
  timeoutMs?: number;
  /** Further attempts after a transport failure, a 5xx or Alipay's "system busy"; 0 for one attempt. */
  maxRetries?: number;
}

export interface AlipayConfigFiles {
  appId: string;
  privateKeyFile: string;
  alipayPublicKeyFile: string;
  gateway: string;
  notifyUrl: string;
}

export type AlipayConfigError = DomainError<'INVALID_ALIPAY_CONFIG'>;

function readKeyFile(file: string, what: string): Result<string, AlipayConfigError> {
  try {
    return ok(readFileSync(file, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'does not exist' : code === 'EACCES' ? 'is not readable (permission denied)' : (e as Error).message;
    return fail('INVALID_ALIPAY_CONFIG', `${what} file ${file} ${why}`);
  }
}

/** Reads and checks the key files at start: a wrong file is one sentence naming it, not a failed payment later. */
export function loadAlipayConfigFromFiles(files: AlipayConfigFiles): Result<AlipayConfig, AlipayConfigError> {
  const privateText = readKeyFile(files.privateKeyFile, 'Alipay app private key');
  if (!privateText.ok) return privateText;
  const publicText = readKeyFile(files.alipayPublicKeyFile, 'Alipay public key');
  if (!publicText.ok) return publicText;
  const privateKey = readAlipayPrivateKey(privateText.value, `Alipay app private key (${files.privateKeyFile})`);
  if (!privateKey.ok) return fail('INVALID_ALIPAY_CONFIG', privateKey.error);
  const alipayPublicKey = readAlipayPublicKey(publicText.value, `Alipay public key (${files.alipayPublicKeyFile})`);
  if (!alipayPublicKey.ok) return fail('INVALID_ALIPAY_CONFIG', alipayPublicKey.error);
  return ok({ appId: files.appId, privateKey: privateKey.value, alipayPublicKey: alipayPublicKey.value, gateway: files.gateway, notifyUrl: files.notifyUrl });
}
