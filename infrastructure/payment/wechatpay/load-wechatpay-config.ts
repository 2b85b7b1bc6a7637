import { readFileSync } from 'node:fs';
import { DomainError, Result, fail, ok } from '../../../domain/shared/result';
import { WECHATPAY_API_BASE_URL, WechatPayConfig, compileWechatPayConfig } from './wechatpay-config';

export interface WechatPayConfigFiles {
  baseUrl?: string;
  mchId: string;
  appId: string;
  apiV3Key: string;
  merchantSerial: string;
  merchantPrivateKeyFile: string;
  /** One file or a comma list, paired in order with `platformSerials`. */
  platformPublicKeyFiles: string;
  platformSerials: string;
  notifyUrl: string;
  refundNotifyUrl?: string;
  timeoutMs?: number;
  maxRetries?: number;
}

export type WechatPayConfigError = DomainError<'INVALID_WECHATPAY_CONFIG'>;

const splitList = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

function readPem(file: string, what: string): Result<string, WechatPayConfigError> {
  try {
    return ok(readFileSync(file, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'does not exist' : code === 'EACCES' ? 'is not readable (permission denied)' : (e as Error).message;
    return fail('INVALID_WECHATPAY_CONFIG', `${what} file ${file} ${why}`);
  }
}

/** Builds a WechatPayConfig from key files on disk; every problem is one sentence naming the file or value. */
export function loadWechatPayConfigFromFiles(files: WechatPayConfigFiles): Result<WechatPayConfig, WechatPayConfigError> {
  const merchantPrivateKey = readPem(files.merchantPrivateKeyFile, 'merchant private key');
  if (!merchantPrivateKey.ok) return merchantPrivateKey;

  const keyFiles = splitList(files.platformPublicKeyFiles);
  const serials = splitList(files.platformSerials);
  if (keyFiles.length === 0) return fail('INVALID_WECHATPAY_CONFIG', 'no WeChat Pay platform public key file is configured');
  if (keyFiles.length !== serials.length) {
    return fail(
      'INVALID_WECHATPAY_CONFIG',
      `${keyFiles.length} platform key file(s) but ${serials.length} platform serial(s): give one serial per file, in the same order`,
    );
  }
  const platformKeys: WechatPayConfig['platformKeys'] = [];
  for (const [i, file] of keyFiles.entries()) {
    const serial = serials[i]!; // as many serials as files: checked above
    const pem = readPem(file, `platform public key (serial ${serial})`);
    if (!pem.ok) return pem;
    platformKeys.push({ serial, publicKey: pem.value });
  }

  const config: WechatPayConfig = {
    baseUrl: files.baseUrl ?? WECHATPAY_API_BASE_URL,
    mchId: files.mchId,
    appId: files.appId,
    apiV3Key: files.apiV3Key,
    merchantSerial: files.merchantSerial,
    merchantPrivateKey: merchantPrivateKey.value,
    platformKeys,
    notifyUrl: files.notifyUrl,
    ...(files.refundNotifyUrl !== undefined ? { refundNotifyUrl: files.refundNotifyUrl } : {}),
    ...(files.timeoutMs !== undefined ? { timeoutMs: files.timeoutMs } : {}),
    ...(files.maxRetries !== undefined ? { maxRetries: files.maxRetries } : {}),
  };
  const compiled = compileWechatPayConfig(config);
  if (!compiled.ok) {
    // Name the file, not just the key's role: that is what an operator has to go and fix.
    const fileHint = compiled.error.startsWith('merchant private key')
      ? ` (${files.merchantPrivateKeyFile})`
      : (() => {
          const i = serials.findIndex((s) => compiled.error.includes(`platform key ${s}`));
          return i >= 0 ? ` (${keyFiles[i]})` : '';
        })();
    return fail('INVALID_WECHATPAY_CONFIG', `${compiled.error}${fileHint}`);
  }
  return ok(config);
}
