import type { Message } from 'telegraf/types';
import { ImportJob } from '../../../domain/catalog';
import type { BotContext } from '../../bot-context';
import type { BotServices } from '../../bot-services';
import { errorText } from '../../errors/error-replies';
import type { Translate } from '../../i18n/translate';
import { chatIdOf, reply } from '../../ui/replies';
import { productIdArg, words } from '../../routing/command-args';

/** Telegram lets bots download files of up to 20 MB; bigger catalogs go through `npm run import` or the API. */
const DOWNLOAD_TIMEOUT_MS = 120_000;
/** Problems listed in the chat; the rest are counted (the API's report lists up to a thousand). */
const LISTED_IN_CHAT = 20;

/**
 * A catalog file for the importer: a .yaml/.yml file, or a .csv whose caption says "import" (a .csv with a product
 * id in its caption, or sent after "upload codes", is a list of codes). "import dry" checks without writing.
 */
export function isCatalogImport(ctx: BotContext, message: Message.DocumentMessage): boolean {
  const name = message.document.file_name ?? '';
  const [first] = words(message.caption ?? '');
  if (/\.ya?ml$/i.test(name)) return true;
  if (!/\.csv$/i.test(name)) return false;
  if (/^\/?import$/i.test(first ?? '')) return true;
  return productIdArg(first) === null && ctx.session.awaiting?.field !== 'codes' && message.caption === undefined;
}

function reportText(t: Translate, job: ImportJob): string {
  const c = job.counts;
  const lines = [
    t(job.status === 'DONE' ? 'importDone' : job.status === 'CHECKED' ? 'importChecked' : job.status === 'INVALID' ? 'importInvalid' : 'importFailed', {
      file: job.fileName,
      rows: c.rows,
      bad: c.invalid,
      created: c.created,
      updated: c.updated,
      unchanged: c.unchanged,
    }),
    ...job.problems.slice(0, LISTED_IN_CHAT).map((p) => t('importProblem', { line: p.line, field: p.field, reason: p.reason })),
  ];
  if (job.problems.length > LISTED_IN_CHAT) lines.push(t('importMoreProblems', { count: c.invalid }));
  if (job.failure && job.status === 'FAILED') lines.push(job.failure);
  return lines.join('\n');
}

/** An admin sends a catalog file: it is imported in the background and the report comes back to this chat. */
export async function onImportDocument(ctx: BotContext, svc: BotServices, message: Message.DocumentMessage): Promise<void> {
  const { t } = ctx;
  const dryRun = /\bdry\b/i.test(message.caption ?? '');
  const link = await ctx.telegram.getFileLink(message.document.file_id);
  const response = await fetch(link, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) }).catch(() => null);
  if (!response?.ok || !response.body) {
    await reply(ctx, t('codesDownloadFailed'));
    return;
  }
  const started = await svc.shop.catalog.startImport({ fileName: message.document.file_name ?? 'catalog.csv', content: response.body, dryRun });
  if (!started.ok) {
    await reply(ctx, errorText(t, started.error, { forAdmin: true }));
    return;
  }
  await reply(ctx, t('importStarted', { id: started.value.job.id }));
  const chatId = chatIdOf(ctx);
  void started.value.finished
    .then((job) => ctx.telegram.sendMessage(chatId, reportText(t, job)))
    .catch((error: unknown) => svc.logger.error({ err: error }, 'could not report a catalog import'));
}
