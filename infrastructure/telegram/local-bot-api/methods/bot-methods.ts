import { badRequest, queryTooOld } from '../bot-api-error';
import type { TgBotCommand } from '../bot-api-types';
import { boolParam, clampedIntParam, isRecord, jsonParam, type RequestParams, stringParam } from '../request-params';
import { characterCount } from '../text/formatted-text';
import { knownChat, type MethodContext, type MethodOutcome, ok } from './method-context';

const MAX_CALLBACK_ANSWER_LENGTH = 200;
const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;
const MAX_COMMANDS = 100;

export const getMe = (ctx: MethodContext): MethodOutcome => ok(ctx.bot.info);

export function getChat(ctx: MethodContext): MethodOutcome {
  const chat = knownChat(ctx);
  return ok({ ...chat.chatJson(), accent_color_id: 0, max_reaction_count: 11 });
}

export function answerCallbackQuery(ctx: MethodContext): MethodOutcome {
  const id = stringParam(ctx.params, 'callback_query_id')?.trim() ?? '';
  const query = ctx.bot.callbackQueries.get(id);
  if (!query || query.answer || Date.now() - query.createdAt > ctx.world.options.callbackQueryTtlMs) throw queryTooOld();
  const text = stringParam(ctx.params, 'text') ?? '';
  if (characterCount(text) > MAX_CALLBACK_ANSWER_LENGTH) throw badRequest('MESSAGE_TOO_LONG');
  const url = stringParam(ctx.params, 'url');
  query.answer = {
    show_alert: boolParam(ctx.params, 'show_alert'),
    cache_time: clampedIntParam(ctx.params, 'cache_time', 0, 0, 30 * 24 * 3600),
    at: Date.now(),
    ...(text ? { text } : {}),
    ...(url ? { url } : {}),
  };
  ctx.bot.changed({ kind: 'callbackAnswered', chatId: query.chatId, queryId: query.id, answer: query.answer });
  return ok(true);
}

export function getFile(ctx: MethodContext): MethodOutcome {
  const file = ctx.bot.files.get(stringParam(ctx.params, 'file_id')?.trim() ?? '');
  if (!file) throw badRequest('invalid file_id');
  if (file.bytes.length > MAX_DOWNLOAD_BYTES) throw badRequest('file is too big');
  return ok({ file_id: file.fileId, file_unique_id: file.fileUniqueId, file_size: file.bytes.length, file_path: file.filePath });
}

/** Commands are stored per scope and language; getMyCommands answers for exactly that pair. */
function commandsKey(params: RequestParams): string {
  const scope = jsonParam(params, 'scope');
  if (scope.kind === 'invalid') throw badRequest("can't parse BotCommandScope JSON object");
  let scopeKey = 'default';
  if (scope.kind === 'value') {
    if (!isRecord(scope.value) || typeof scope.value.type !== 'string') throw badRequest('can\'t parse BotCommandScope: Can\'t find field "type"');
    scopeKey = [scope.value.type, scope.value.chat_id ?? '', scope.value.user_id ?? ''].join(':');
  }
  return `${scopeKey}|${stringParam(params, 'language_code') ?? ''}`;
}

function commandField(item: Record<string, unknown>, name: string): string {
  const value = item[name];
  if (value === undefined || value === null) throw badRequest(`can't parse BotCommand: Can't find field "${name}"`);
  if (typeof value !== 'string') throw badRequest(`can't parse BotCommand: Field "${name}" must be of type String`);
  return value;
}

function readCommands(params: RequestParams): TgBotCommand[] {
  const parsed = jsonParam(params, 'commands');
  if (parsed.kind === 'absent') return [];
  if (parsed.kind === 'invalid') throw badRequest("can't parse commands JSON object");
  if (!Array.isArray(parsed.value)) throw badRequest('expected an Array of BotCommand');
  if (parsed.value.length > MAX_COMMANDS) throw badRequest('BOT_COMMANDS_TOO_MUCH');
  return parsed.value.map((item: unknown) => {
    if (!isRecord(item)) throw badRequest("can't parse BotCommand: expected an Object");
    const command = commandField(item, 'command');
    const description = commandField(item, 'description');
    if (!/^[a-z0-9_]{1,32}$/.test(command)) throw badRequest('BOT_COMMAND_INVALID');
    if (description.trim() === '') throw badRequest('command description must be non-empty');
    return { command, description };
  });
}

export function setMyCommands(ctx: MethodContext): MethodOutcome {
  const commands = readCommands(ctx.params);
  ctx.bot.commands.set(commandsKey(ctx.params), commands);
  ctx.bot.changed({ kind: 'commands' });
  return ok(true);
}

export const getMyCommands = (ctx: MethodContext): MethodOutcome => ok(ctx.bot.commands.get(commandsKey(ctx.params)) ?? []);

export function deleteMyCommands(ctx: MethodContext): MethodOutcome {
  ctx.bot.commands.delete(commandsKey(ctx.params));
  ctx.bot.changed({ kind: 'commands' });
  return ok(true);
}
