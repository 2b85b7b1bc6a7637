// The search benchmark's catalog: a deterministic CSV of generated products, mixed Chinese and English, written as a
// stream (backpressure: the file can be a million rows, memory stays at one chunk). The rare words sit in exactly
// 0.1% of the rows, the common one in about 30%, so every run asks the same questions of the same data.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

export const RARE_LATIN = 'zephyrine';
export const RARE_CHINESE = '琥珀';
export const COMMON = 'premium';
export const ABSENT = 'qwxzvj';

/** Deterministic text: a seeded xorshift generator. */
function rng(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'sto', 'vel', 'dar', 'qui', 'pen', 'tor', 'bel', 'nix', 'sa', 'ro', 'fen', 'gal', 'tri', 'mon', 'cas', 'vor'];
// No 琥 or 珀 among them: the rare Chinese word occurs only where it is put.
const HANZI = Array.from(
  '会员月卡游戏激活码充值点券礼包年季周天超级高速网络加速器视频音乐云盘存储账号兑换官方正版永久限时特惠新品热卖精选套餐流量手机电脑平台服务专属',
);

function wordOf(next: () => number): string {
  const n = 2 + Math.floor(next() * 2);
  let w = '';
  for (let i = 0; i < n; i += 1) w += SYLLABLES[Math.floor(next() * SYLLABLES.length)];
  return w;
}

function hanziOf(next: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i += 1) s += HANZI[Math.floor(next() * HANZI.length)];
  return s;
}

export const CATALOG_HEADER = 'sku,kind,title,description,price,visible\n';

/** Row i of the catalog (its text depends on i and on the generator's state, so rows are written in order). */
function rowAt(i: number, next: () => number): string {
  const words = [wordOf(next), wordOf(next), wordOf(next)];
  if (i % 1000 === 7) words.push(RARE_LATIN);
  if (next() < 0.3) words.push(COMMON);
  let cjk = hanziOf(next, 4 + Math.floor(next() * 3));
  if (i % 1000 === 501) cjk = `${cjk.slice(0, 2)}${RARE_CHINESE}${cjk.slice(2)}`;
  const title = `${cjk} ${words.join(' ')}`;
  const description = `${hanziOf(next, 8)} ${[wordOf(next), wordOf(next), wordOf(next), wordOf(next)].join(' ')}`;
  const fen = 100 + Math.floor(next() * 100_000);
  const price = `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
  // Nothing here needs CSV quoting: no commas, quotes or line breaks in the generated text.
  return `B-${i},manual,${title},${description},${price},${i % 50 === 0 ? 'false' : 'true'}\n`;
}

/** Writes rows [from, to) of the catalog to `path`; `seed` continues the generator so parts join into one catalog. */
export async function writeCatalogCsv(path: string, from: number, to: number, seed = 12): Promise<void> {
  const next = rng(seed + from);
  const out = createWriteStream(path, { encoding: 'utf8' });
  out.write(CATALOG_HEADER);
  let chunk = '';
  for (let i = from; i < to; i += 1) {
    chunk += rowAt(i, next);
    if (chunk.length > 64 * 1024) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}
