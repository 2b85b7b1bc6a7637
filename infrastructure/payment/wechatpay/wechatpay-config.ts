import { KeyObject } from 'node:crypto';
import { Result, err, ok } from '../../../domain/shared/result';
import { PlatformKeyConfig, PlatformKeyRing, readRsaPrivateKey } from './platform-key-ring';

export const WECHATPAY_API_BASE_URL = 'https://api.mch.weixin.qq.com';
/** WeChat answers a callback-free API call in well under a second; 5 s leaves room without stalling a shopper. */
export const DEFAULT_TIMEOUT_MS = 5000;
export const DEFAULT_MAX_RETRIES = 2;
export const DEFAULT_RETRY_BASE_DELAY_MS = 200;

export interface WechatPayConfig {
  baseUrl: string;
  mchId: string;
  appId: string;
  /** The 32-character APIv3 key that encrypts notification resources. */
  apiV3Key: string;
  /** Serial of the merchant API certificate whose private key signs our requests. */
  merchantSerial: string;
  merchantPrivateKey: string;
  platformKeys: PlatformKeyConfig[];
  notifyUrl: string;
  /** Where refund notifications go; the payment notify_url when unset (the event type tells them apart). */
  refundNotifyUrl?: string;
  timeoutMs?: number;
  maxRetries?: number;
  retryBaseDelayMs?: number;
}

/** The config with its keys parsed once, so a bad key fails at startup rather than on the first payment. */
export interface CompiledWechatPayConfig {
  config: WechatPayConfig;
  merchantKey: KeyObject;
  platformKeys: PlatformKeyRing;
  timeoutMs: number;
  maxRetries: number;
  retryBaseDelayMs: number;
}

const nonNegativeInt = (v: number | undefined, fallback: number): number | undefined =>
  v === undefined ? fallback : Number.isSafeInteger(v) && v >= 0 ? v : undefined;

export function compileWechatPayConfig(config: WechatPayConfig): Result<CompiledWechatPayConfig, string> {
  for (const field of ['baseUrl', 'mchId', 'appId', 'merchantSerial', 'notifyUrl'] as const) {
    if (typeof config[field] !== 'string' || config[field].trim() === '') return err(`WeChat Pay ${field} is empty`);
  }
  if (!/^https?:\/\/[^/]+/.test(config.baseUrl)) return err(`WeChat Pay baseUrl "${config.baseUrl}" is not an http(s) URL`);
  if (Buffer.byteLength(config.apiV3Key ?? '', 'utf8') !== 32) return err('WeChat Pay apiV3Key must be exactly 32 bytes');
  for (const [name, url] of [
    ['notifyUrl', config.notifyUrl],
    ['refundNotifyUrl', config.refundNotifyUrl],
  ] as const) {
    if (url === undefined) continue;
    if (!/^https?:\/\/[^/?#]+[^?#]*$/.test(url)) return err(`WeChat Pay ${name} "${url}" must be an http(s) URL without query or fragment`);
  }
  const merchantKey = readRsaPrivateKey(config.merchantPrivateKey ?? '', 'merchant private key');
  if (!merchantKey.ok) return merchantKey;
  const ring = PlatformKeyRing.fromConfig(config.platformKeys ?? []);
  if (!ring.ok) return ring;
  const timeoutMs = nonNegativeInt(config.timeoutMs, DEFAULT_TIMEOUT_MS);
  const maxRetries = nonNegativeInt(config.maxRetries, DEFAULT_MAX_RETRIES);
  const retryBaseDelayMs = nonNegativeInt(config.retryBaseDelayMs, DEFAULT_RETRY_BASE_DELAY_MS);
  if (!timeoutMs) return err('WeChat Pay timeoutMs must be a positive integer');
  if (maxRetries === undefined || maxRetries > 10) return err('WeChat Pay maxRetries must be an integer from 0 to 10');
  if (retryBaseDelayMs === undefined) return err('WeChat Pay retryBaseDelayMs must be a non-negative integer');
  return ok({ config, merchantKey: merchantKey.value, platformKeys: ring.value, timeoutMs, maxRetries, retryBaseDelayMs });
}
