import { ProviderEvent } from '../../../domain/payment';
import { NotificationHeaders, NotificationRejected } from '../notification-verifier';
import { Result, err, ok } from '../../../domain/shared/result';
import { AEAD_ALGORITHM, decryptAeadAes256Gcm } from './aead-aes-256-gcm';
import { JsonObject, objectField, parseJsonObject, stringField } from './json-shape';
import { PlatformKeyRing } from './platform-key-ring';
import { verifyWechatpaySignature } from './signature-verifier';
import { toProviderRefund, toProviderTrade } from './wire-mapping';

export interface NotificationContext {
  appId: string;
  mchId: string;
  apiV3Key: string;
  platformKeys: PlatformKeyRing;
}

const REFUND_EVENTS = ['REFUND.SUCCESS', 'REFUND.ABNORMAL', 'REFUND.CLOSED'] as const;
type RefundEvent = (typeof REFUND_EVENTS)[number];

const reject = (code: NotificationRejected['code'], message: string): Result<never, NotificationRejected> => err({ code, message });

interface Envelope {
  id: string;
  eventType: string;
  ciphertext: string;
  nonce: string;
  associatedData: string;
  originalType?: string;
}

function readEnvelope(rawBody: Buffer): Result<Envelope, NotificationRejected> {
  const body = parseJsonObject(rawBody.toString('utf8'));
  if (!body) return reject('MALFORMED_BODY', 'notification body is not a JSON object');
  const id = stringField(body, 'id');
  const eventType = stringField(body, 'event_type');
  const resource = objectField(body, 'resource');
  if (!id || !eventType || !resource) return reject('MALFORMED_BODY', 'notification lacks id, event_type or resource');
  const resourceType = stringField(body, 'resource_type');
  if (resourceType !== undefined && resourceType !== 'encrypt-resource') return reject('MALFORMED_BODY', `unexpected resource_type "${resourceType}"`);
  const algorithm = stringField(resource, 'algorithm');
  const ciphertext = stringField(resource, 'ciphertext');
  const nonce = stringField(resource, 'nonce');
  const associatedData = resource['associated_data'] === undefined ? '' : stringField(resource, 'associated_data');
  if (ciphertext === undefined || nonce === undefined || associatedData === undefined) {
    return reject('MALFORMED_BODY', 'notification resource lacks ciphertext, nonce or a string associated_data');
  }
  if (algorithm !== AEAD_ALGORITHM) return reject('DECRYPT_FAILED', `unsupported resource algorithm "${algorithm ?? ''}"`);
  const originalType = stringField(resource, 'original_type');
  return ok({ id, eventType, ciphertext, nonce, associatedData, ...(originalType !== undefined ? { originalType } : {}) });
}

function checkMerchant(ctx: NotificationContext, plain: JsonObject, appIdRequired: boolean): Result<void, NotificationRejected> {
  const mchId = stringField(plain, 'mchid');
  const appId = stringField(plain, 'appid');
  if (mchId !== ctx.mchId) return reject('WRONG_MERCHANT', `notification is for mchid "${mchId ?? ''}", not ours`);
  // Refund resources carry no appid; a payment resource must name ours.
  if ((appIdRequired || appId !== undefined) && appId !== ctx.appId) return reject('WRONG_MERCHANT', `notification is for appid "${appId ?? ''}", not ours`);
  return ok(undefined);
}

/**
 * Turns a WeChat Pay callback into a verified event: signature by a known platform serial inside the replay
 * window, then the envelope, then the AES-256-GCM resource, then our appid/mchid. Works on the raw bytes only.
 */
export function parseWechatpayNotification(
  ctx: NotificationContext,
  headers: NotificationHeaders,
  rawBody: Buffer,
  now: Date,
): Result<ProviderEvent, NotificationRejected> {
  const verified = verifyWechatpaySignature(headers, rawBody, ctx.platformKeys, now);
  if (!verified.ok) return err(verified.error);
  const envelope = readEnvelope(rawBody);
  if (!envelope.ok) return envelope;
  const e = envelope.value;
  const isTransaction = e.eventType === 'TRANSACTION.SUCCESS';
  const isRefund = (REFUND_EVENTS as ReadonlyArray<string>).includes(e.eventType);
  if (!isTransaction && !isRefund) return reject('UNSUPPORTED_EVENT', `event_type "${e.eventType}" is not handled`);
  const expectedOriginal = isTransaction ? 'transaction' : 'refund';
  if (e.originalType !== undefined && e.originalType !== expectedOriginal) {
    return reject('MALFORMED_BODY', `${e.eventType} carries an original_type "${e.originalType}" resource`);
  }

  const plaintext = decryptAeadAes256Gcm({ apiV3Key: ctx.apiV3Key, nonce: e.nonce, associatedData: e.associatedData, ciphertext: e.ciphertext });
  if (!plaintext.ok) return reject('DECRYPT_FAILED', plaintext.error);
  const plain = parseJsonObject(plaintext.value);
  if (!plain) return reject('MALFORMED_BODY', 'decrypted resource is not a JSON object');
  const merchant = checkMerchant(ctx, plain, isTransaction);
  if (!merchant.ok) return merchant;

  if (isTransaction) {
    const trade = toProviderTrade(plain);
    if (!trade.ok) return reject('MALFORMED_BODY', trade.error);
    if (trade.value.tradeState !== 'SUCCESS') return reject('MALFORMED_BODY', `TRANSACTION.SUCCESS carries trade_state ${trade.value.tradeState}`);
    return ok({ type: 'TRANSACTION.SUCCESS', eventId: e.id, trade: trade.value });
  }
  const refund = toProviderRefund(plain, 'refund_status');
  if (!refund.ok) return reject('MALFORMED_BODY', refund.error);
  const type = e.eventType as RefundEvent;
  if (type !== `REFUND.${refund.value.status}`) return reject('MALFORMED_BODY', `${type} carries refund_status ${refund.value.status}`);
  return ok({ type, eventId: e.id, refund: refund.value });
}
