import { randomBytes, randomInt } from 'node:crypto';

// Identifiers shaped like Telegram's: opaque base64url file ids with a kind prefix, 64-bit decimal
// callback query ids, and bot tokens of the form "<bot id>:<secret>".

export const FILE_ID_PREFIX = { photo: 'AgACAgIAAxkBAA', document: 'BQACAgIAAxkBAA' } as const;
export const UNIQUE_ID_PREFIX = { photo: 'AQAD', document: 'AgAD' } as const;

export const newFileId = (kind: keyof typeof FILE_ID_PREFIX): string => FILE_ID_PREFIX[kind] + randomBytes(42).toString('base64url');
export const newFileUniqueId = (kind: keyof typeof UNIQUE_ID_PREFIX): string => UNIQUE_ID_PREFIX[kind] + randomBytes(9).toString('base64url');

export const newCallbackQueryId = (): string => (BigInt(randomInt(1, 2 ** 47)) * 65536n + BigInt(randomInt(0, 65536))).toString();
export const newChatInstance = (): string => `-${BigInt(randomInt(1, 2 ** 47)) * 65536n + BigInt(randomInt(0, 65536))}`;

export const TOKEN_PATTERN = /^(\d{1,20}):([A-Za-z0-9_-]{1,100})$/;
export const newBotToken = (): string => `${randomInt(1_000_000_000, 8_000_000_000)}:AA${randomBytes(25).toString('base64url').slice(0, 33)}`;

export const newUserId = (): number => randomInt(100_000_000, 2_000_000_000);

/** Telegram's `telegram_payment_charge_id` of a Stars payment: long and opaque (longer than 64 characters). */
export const newStarsChargeId = (): string => `stxl${randomBytes(72).toString('base64url')}`;
export const newInvoiceSlug = (): string => randomBytes(12).toString('base64url');
