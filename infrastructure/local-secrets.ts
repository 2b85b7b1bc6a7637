import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LocalSecrets {
  adminApiKey: string;
  webhookSigningSecret: string;
}

/**
 * Secrets the embedded shop makes for itself on first start and keeps under the data folder, so a restart keeps
 * the same admin key. Configured values (ADMIN_API_KEY, WEBHOOK_SIGNING_SECRET) always win.
 */
export function ensureLocalSecrets(dataDir: string, configured: Partial<LocalSecrets>): LocalSecrets & { generated: Array<keyof LocalSecrets> } {
  const file = join(dataDir, 'secrets.json');
  let stored: Partial<LocalSecrets> = {};
  if (existsSync(file)) {
    try {
      stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<LocalSecrets>;
    } catch (e) {
      throw new Error(`${file} is not valid JSON (${e instanceof Error ? e.message : String(e)}); fix or delete it`);
    }
  }
  const generated: Array<keyof LocalSecrets> = [];
  const pick = (name: keyof LocalSecrets): string => {
    const value = configured[name] ?? stored[name];
    if (value) return value;
    generated.push(name);
    return randomBytes(24).toString('base64url');
  };
  const secrets = { adminApiKey: pick('adminApiKey'), webhookSigningSecret: pick('webhookSigningSecret') };
  if (generated.length > 0) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    writeFileSync(file, JSON.stringify({ ...stored, ...Object.fromEntries(generated.map((g) => [g, secrets[g]])) }, null, 2), { mode: 0o600 });
  }
  return { ...secrets, generated };
}

/**
 * One more value the embedded shop makes for itself once and keeps in the same file (the local Bot API's bot token):
 * the stored one, else `make()` written next to the others.
 */
export function ensureLocalSecret(dataDir: string, name: string, make: () => string): { value: string; generated: boolean } {
  const file = join(dataDir, 'secrets.json');
  const stored = readStoredSecrets(file);
  const known = stored[name];
  if (typeof known === 'string' && known !== '') return { value: known, generated: false };
  const value = make();
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  writeFileSync(file, JSON.stringify({ ...stored, [name]: value }, null, 2), { mode: 0o600 });
  return { value, generated: true };
}

/** A stored value alone, never made here (for scripts that need what the shop made, e.g. `npm run init-data`). */
export function readLocalSecret(dataDir: string, name: string): string | undefined {
  const value = readStoredSecrets(join(dataDir, 'secrets.json'))[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function readStoredSecrets(file: string): Record<string, unknown> {
  if (!existsSync(file)) return {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch (e) {
    throw new Error(`${file} is not valid JSON (${e instanceof Error ? e.message : String(e)}); fix or delete it`);
  }
}
