import { ProviderEvent } from '../../domain/payment';
import { Result, err } from '../../domain/shared/result';

export type NotificationHeaders = Readonly<Record<string, string | string[] | undefined>>;

export type NotificationRejectionCode =
  | 'MISSING_HEADERS'
  | 'UNKNOWN_SERIAL'
  | 'STALE_TIMESTAMP'
  | 'BAD_SIGNATURE'
  | 'MALFORMED_BODY'
  | 'DECRYPT_FAILED'
  | 'WRONG_MERCHANT' // appid or mchid is not ours
  | 'UNSUPPORTED_EVENT';

export interface NotificationRejected {
  code: NotificationRejectionCode;
  message: string;
}

/**
 * A provider's notification from its raw bytes to a verified, typed event (or why not). The payment door calls it,
 * answers a rejection itself, and hands only the event to the domain: headers and bytes never get past here.
 */
export interface NotificationVerifier {
  parseNotification(headers: NotificationHeaders, rawBody: Buffer, now: Date): Result<ProviderEvent, NotificationRejected>;
}

/** A notification endpoint whose provider is not configured: refuses everything. */
export const unconfiguredVerifier: NotificationVerifier = {
  parseNotification: () => err({ code: 'UNSUPPORTED_EVENT', message: 'QR payments are not configured in this shop' }),
};
