// A real `npm start` process (main.ts from the sources through scripts/ts-register.js) in a fresh data folder, as
// a newcomer starts it: nothing configured but the ports, so it runs with the local Bot API and the chat page.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProcessGroup, REPO_ROOT, type RunningProcess } from '../../faults/support/processes';
import { freePort } from '../../support/test-shop';

/** Starting from the TypeScript sources takes a while on a busy machine. */
const START_TIMEOUT_MS = 120_000;

export interface ChatShop {
  process: RunningProcess;
  /** http://127.0.0.1:<port> */
  base: string;
  /** The address the shop printed for the chat page. */
  chatUrl: string;
  dataDir: string;
  /** The local Bot API's address (from the shop's log), for a test that plays the bot's side too. */
  localBotApi: string;
  /** The in-process sandbox gateway: http://127.0.0.1:<SANDBOX_PORT>. */
  sandboxBase: string;
}

export async function startChatShop(
  group: ProcessGroup,
  env: Record<string, string> = {},
  dataDir = mkdtempSync(join(tmpdir(), 'tillbot-chat-')),
): Promise<ChatShop> {
  mkdirSync(dataDir, { recursive: true });
  const port = await freePort();
  const sandboxPort = await freePort();
  const process = group.start(
    'shop',
    'main.ts',
    { DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', SANDBOX_PORT: String(sandboxPort), LOG_LEVEL: 'info', ...env },
    dataDir,
  );
  const [, chatUrl = ''] = await process.waitForLine(/^chat with the bot: (\S+)/, START_TIMEOUT_MS);
  // The last of the start-up lines: the output may arrive in pieces.
  await process.waitForLine(/^chat people: /, 5_000);
  const [, localBotApi = ''] = await process.waitForLine(/"apiRoot":"([^"]+)".*local Telegram Bot API started/, 5_000);
  return { process, base: `http://127.0.0.1:${port}`, chatUrl, dataDir, localBotApi, sandboxBase: `http://127.0.0.1:${env.SANDBOX_PORT ?? sandboxPort}` };
}

export const removeDataDir = (dir: string): void => rmSync(dir, { recursive: true, force: true });

export { ProcessGroup, REPO_ROOT };
