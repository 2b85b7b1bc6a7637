import { chmodSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const DATA_DIR_MODE = 0o700;
export const DATA_FILE_MODE = 0o600;

/**
 * The data folder holds unsold codes, the admin key and the sandbox's trades: only the shop's own user may read it.
 * Creates it 0700, and brings everything already in it to 0700 (folders) / 0600 (files), reporting each one it had
 * to fix — a folder made by an older version, or copied in with a wider mode.
 */
export function secureDataDir(dataDir: string, warn: (message: string) => void): string[] {
  if (!existsSync(dataDir)) {
    mkdirSync(dataDir, { recursive: true, mode: DATA_DIR_MODE });
    return [];
  }
  const fixed: string[] = [];
  const visit = (path: string): void => {
    const stat = statSync(path);
    const wanted = stat.isDirectory() ? DATA_DIR_MODE : DATA_FILE_MODE;
    const mode = stat.mode & 0o777;
    // Only what others could read or write is widened; the owner's own bits are left as they are.
    if ((mode & 0o077) !== 0) {
      chmodSync(path, wanted);
      fixed.push(path);
      warn(`${path} was readable by others (${mode.toString(8).padStart(4, '0')}); now ${wanted.toString(8).padStart(4, '0')}`);
    }
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  visit(dataDir);
  return fixed;
}
