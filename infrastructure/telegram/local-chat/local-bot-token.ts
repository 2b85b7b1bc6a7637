import { ensureLocalSecret, readLocalSecret } from '../../local-secrets';
import { newBotToken } from '../local-bot-api/ids';

/** The key in <DATA_DIR>/secrets.json under which the local bot's token is kept. */
const LOCAL_BOT_TOKEN_SECRET = 'localBotToken';

/** The local bot's token: made on the first start without TELEGRAM_BOT_TOKEN, then the same on every start. */
export const ensureLocalBotToken = (dataDir: string): string => ensureLocalSecret(dataDir, LOCAL_BOT_TOKEN_SECRET, newBotToken).value;

/** The token the shop made earlier, if any (`npm run init-data` signs with it). */
export const storedLocalBotToken = (dataDir: string): string | undefined => readLocalSecret(dataDir, LOCAL_BOT_TOKEN_SECRET);
