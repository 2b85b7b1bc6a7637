// `npm run init-data -- <telegram user id> [first name]`: prints an Authorization header value for the HTTP API,
// signed with TELEGRAM_BOT_TOKEN exactly as a Telegram Mini App would send it (for trying the API by hand).
import { existsSync } from 'node:fs';
import { signInitData } from '../infrastructure/telegram/init-data';

if (existsSync('.env')) process.loadEnvFile('.env');
const token = process.env.TELEGRAM_BOT_TOKEN;
const [id, name = 'Tester'] = process.argv.slice(2);
if (!token) {
  console.error('init-data: set TELEGRAM_BOT_TOKEN (the shop checks init data with it)');
  process.exit(2);
}
if (!id || !/^\d{1,15}$/.test(id)) {
  console.error('init-data: usage: npm run init-data -- <telegram user id> [first name]');
  process.exit(2);
}
console.log(`tma ${signInitData(token, { id: Number(id), first_name: name, language_code: 'en' }, new Date())}`);
