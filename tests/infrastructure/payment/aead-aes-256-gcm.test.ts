import { decryptAeadAes256Gcm, encryptAeadAes256Gcm } from '../../../infrastructure/payment/wechatpay/aead-aes-256-gcm';
import { encryptResource } from './payment-fixtures';

const apiV3Key = 'Abcdefghijklmnopqrstuvwxyz012345';
const nonce = 'fdasflkja484';
const plaintext = JSON.stringify({ out_trade_no: 'T20240101000001', amount: { total: 100 } });

describe('AEAD_AES_256_GCM', () => {
  it('decrypts what the protocol describes: key = APIv3 key bytes, IV = nonce, AAD, tag in the last 16 bytes', () => {
    const ciphertext = encryptResource(apiV3Key, nonce, 'transaction', plaintext);
    expect(decryptAeadAes256Gcm({ apiV3Key, nonce, associatedData: 'transaction', ciphertext })).toEqual({ ok: true, value: plaintext });
  });

  it('encrypts to the same bytes an independent implementation produces', () => {
    expect(encryptAeadAes256Gcm({ apiV3Key, nonce, associatedData: 'refund', plaintext })).toBe(encryptResource(apiV3Key, nonce, 'refund', plaintext));
  });

  it('accepts an empty associated_data', () => {
    const ciphertext = encryptAeadAes256Gcm({ apiV3Key, nonce, associatedData: '', plaintext });
    expect(decryptAeadAes256Gcm({ apiV3Key, nonce, associatedData: '', ciphertext }).ok).toBe(true);
  });

  const ciphertext = encryptResource(apiV3Key, nonce, 'transaction', plaintext);
  it.each([
    [
      'a tampered ciphertext byte',
      () => {
        const b = Buffer.from(ciphertext, 'base64');
        b[5] = b.readUInt8(5) ^ 0x80;
        return { apiV3Key, nonce, associatedData: 'transaction', ciphertext: b.toString('base64') };
      },
    ],
    [
      'a tampered tag',
      () => {
        const b = Buffer.from(ciphertext, 'base64');
        b[b.length - 1] = b.readUInt8(b.length - 1) ^ 0x01;
        return { apiV3Key, nonce, associatedData: 'transaction', ciphertext: b.toString('base64') };
      },
    ],
    ['a wrong AAD', () => ({ apiV3Key, nonce, associatedData: 'refund', ciphertext })],
    ['a wrong nonce', () => ({ apiV3Key, nonce: 'fdasflkja485', associatedData: 'transaction', ciphertext })],
    ['a wrong key', () => ({ apiV3Key: 'Bbcdefghijklmnopqrstuvwxyz012345', nonce, associatedData: 'transaction', ciphertext })],
    [
      'a truncated ciphertext',
      () => ({ apiV3Key, nonce, associatedData: 'transaction', ciphertext: Buffer.from(ciphertext, 'base64').subarray(0, 10).toString('base64') }),
    ],
    ['non-base64 text', () => ({ apiV3Key, nonce, associatedData: 'transaction', ciphertext: 'not base64!' })],
    ['a key that is not 32 bytes', () => ({ apiV3Key: 'short', nonce, associatedData: 'transaction', ciphertext })],
  ])('fails on %s', (_name, input) => {
    expect(decryptAeadAes256Gcm(input()).ok).toBe(false);
  });
});
