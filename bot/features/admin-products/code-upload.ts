import type { Message } from 'telegraf/types';
import { codesFromText } from '../../../domain/catalog';
import type { BotContext } from '../../bot-context';
import type { BotServices } from '../../bot-services';
import { errorText } from '../../errors/error-replies';
import { reply } from '../../ui/replies';
import { productIdArg, words } from '../../routing/command-args';

/** Far above 10,000 codes of 64 characters; Telegram lets bots download up to 20 MB. */
const MAX_FILE_BYTES = 1024 * 1024;
const DOWNLOAD_TIMEOUT_MS = 15_000;

const looksLikeText = (doc: Message.DocumentMessage['document']): boolean =>
  /\.(txt|csv)$/i.test(doc.file_name ?? '') || (doc.mime_type ?? '').startsWith('text/');

/** The product a file of codes is for: its caption ("12", "#12", "/codes 12"), else the pending "upload codes" tap. */
function targetOf(ctx: BotContext, caption: string | undefined): number | null {
  const [first, second] = words(caption ?? '');
  const fromCaption = productIdArg(first === '/codes' ? second : first);
  if (fromCaption !== null) return fromCaption;
  return ctx.session.awaiting?.field === 'codes' ? ctx.session.awaiting.productId : null;
}

async function download(ctx: BotContext, fileId: string): Promise<Buffer | null> {
  const link = await ctx.telegram.getFileLink(fileId);
  try {
    const response = await fetch(link, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
    if (!response.ok) return null;
    return Buffer.from(await response.arrayBuffer());
  } catch {
    return null;
  }
}

/** An admin sends a .txt file: one code per line goes into the product's pool (duplicates skipped by the use case). */
export async function onCodesDocument(ctx: BotContext, svc: BotServices, message: Message.DocumentMessage): Promise<void> {
  const { t } = ctx;
  const doc = message.document;
  const productId = targetOf(ctx, message.caption);
  if (productId === null) {
    await reply(ctx, t('codesNeedTarget'));
    return;
  }
  if (!looksLikeText(doc) || (doc.file_size ?? 0) > MAX_FILE_BYTES) {
    await reply(ctx, t('codesNotText'));
    return;
  }
  const bytes = await download(ctx, doc.file_id);
  if (bytes === null) {
    await reply(ctx, t('codesDownloadFailed'));
    return;
  }
  if (bytes.length > MAX_FILE_BYTES) {
    await reply(ctx, t('codesNotText'));
    return;
  }
  const codes = codesFromText(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  if (codes.length === 0) {
    await reply(ctx, t('codesEmpty'));
    return;
  }
  const result = await svc.shop.catalog.addCodes(productId, codes);
  if (!result.ok) {
    await reply(ctx, errorText(t, result.error, { forAdmin: true }));
    return;
  }
  if (ctx.session.awaiting?.field === 'codes' && ctx.session.awaiting.productId === productId) ctx.session.awaiting = undefined;
  await reply(ctx, t('codesAdded', { id: productId, added: result.value.added, duplicates: result.value.duplicates, stock: result.value.stock }));
}
