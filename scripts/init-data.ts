// `npm run init-data -- <telegram user id> [first name]`: prints an Authorization header value for the HTTP API,
// signed with the bot token exactly as a Telegram Mini App would send it (for trying the API by hand). The token is
// TELEGRAM_BOT_TOKEN, else the local bot's token that `npm start` made and keeps in <DATA_DIR>/secrets.json.
import { existsSync } from 'node:fs';
import { signInitData } from '../infrastructure/telegram/init-data';
import { storedLocalBotToken } from '../infrastructure/telegram/local-chat/local-bot-token';

if (existsSync('.env')) process.loadEnvFile('.env');
const dataDir = process.env.DATA_DIR || 'data';
const token = process.env.TELEGRAM_BOT_TOKEN || storedLocalBotToken(dataDir);
const [id, name = 'Tester'] = process.argv.slice(2);
if (!token) {
  console.error(
    `init-data: no bot token: set TELEGRAM_BOT_TOKEN, or run \`npm start\` once without it (the local bot's token is kept in ${dataDir}/secrets.json)`,
  );
  process.exit(2);
}
if (!id || !/^\d{1,15}$/.test(id)) {
  console.error('init-data: usage: npm run init-data -- <telegram user id> [first name]');
  process.exit(2);
}
console.log(`tma ${signInitData(token, { id: Number(id), first_name: name, language_code: 'en' }, new Date())}`);
