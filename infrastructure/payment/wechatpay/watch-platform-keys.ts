import { PlatformKeyRefresher, PlatformCertificateStore } from './platform-key-refresher';
import { WechatPayClient } from './wechatpay-client';

export interface KeyLog {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

/**
 * Lets the client's key ring follow WeChat's certificate rotation: the refresher learns from the shared store and
 * from `/v3/certificates`, and anything signed by an unknown serial (a reply or a notification) sets it off.
 */
export function watchPlatformKeys(
  client: WechatPayClient,
  store: PlatformCertificateStore,
  log: KeyLog,
  now: () => Date = () => new Date(),
): PlatformKeyRefresher {
  const refresher = new PlatformKeyRefresher({
    ring: client.compiled.platformKeys,
    store,
    download: () => client.downloadCertificates(now),
    now,
    log: (level, message, fields = {}) => log[level](fields, message),
  });
  client.onUnknownSerial((serial) => refresher.onUnknownSerial(serial));
  return refresher;
}
