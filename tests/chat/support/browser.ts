// Debian's chromium driven by playwright-core, started the way this machine needs it (headless, no sandbox, no
// network of its own) with a fresh profile per run.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { REPO_ROOT } from '../../faults/support/processes';

export const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * `describe`, or `describe.skip` with one line saying why when chromium is not installed — but only outside CI:
 * under CI=true the tests run and fail, since CI installs chromium first.
 */
export function describeInBrowser(name: string, body: () => void): void {
  if (existsSync(CHROMIUM) || process.env.CI === 'true') {
    describe(name, body);
    return;
  }
  process.stdout.write(`browser tests skipped: ${CHROMIUM} is absent (apt-get install -y chromium); under CI=true they fail instead\n`);
  describe.skip(name, body);
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'tillbot-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
      viewport: { width: 1200, height: 820 },
      acceptDownloads: true,
      locale: 'en-GB',
      timezoneId: 'Asia/Shanghai',
    });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw new Error(`chromium (${CHROMIUM}) could not be launched: ${error instanceof Error ? error.message : String(error)}`);
  }
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Screenshots of each step, kept as CI artifacts (test-results/ is ignored by git). */
export function screenshots(folder: string): (page: Page, name: string) => Promise<void> {
  const dir = join(REPO_ROOT, 'test-results', folder);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let step = 0;
  return async (page, name) => {
    step += 1;
    await page.screenshot({ path: join(dir, `${String(step).padStart(2, '0')}-${name}.png`) });
  };
}
