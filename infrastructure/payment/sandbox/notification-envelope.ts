import { AEAD_ALGORITHM, encryptAeadAes256Gcm, generateAeadNonce } from '../wechatpay/aead-aes-256-gcm';
import { formatBeijingTime } from '../wechatpay/rfc3339';
import { newEventId } from './sandbox-ids';

export interface EnvelopeInput {
  eventType: string;
  summary: string;
  originalType: 'transaction' | 'refund';
  plaintext: Record<string, unknown>;
  apiV3Key: string;
  createdAt: Date;
}

/** The callback body: WeChat's envelope around an AES-256-GCM encrypted resource. */
export function buildNotificationEnvelope(input: EnvelopeInput): { id: string; body: string } {
  const id = newEventId();
  const nonce = generateAeadNonce();
  const associatedData = input.originalType;
  const ciphertext = encryptAeadAes256Gcm({ apiV3Key: input.apiV3Key, nonce, associatedData, plaintext: JSON.stringify(input.plaintext) });
  const body = JSON.stringify({
    id,
    create_time: formatBeijingTime(input.createdAt),
    resource_type: 'encrypt-resource',
    event_type: input.eventType,
    summary: input.summary,
    resource: { original_type: input.originalType, algorithm: AEAD_ALGORITHM, ciphertext, associated_data: associatedData, nonce },
  });
  return { id, body };
}

/** Flips one byte of the resource ciphertext, keeping valid JSON and base64, so only the GCM tag check can catch it. */
export function tamperCiphertext(body: string): string {
  const envelope = JSON.parse(body) as { resource: { ciphertext: string } };
  const bytes = Buffer.from(envelope.resource.ciphertext, 'base64');
  bytes.writeUInt8(bytes.readUInt8(0) ^ 0x01, 0);
  envelope.resource.ciphertext = bytes.toString('base64');
  return JSON.stringify(envelope);
}
