import { badRequest, conflict, tooManyRequests } from '../bot-api-error';
import { boolParam, clampedIntParam, intParam, jsonParam, stringParam } from '../request-params';
import { LONG_POLL_MAX_TIMEOUT_SECONDS } from '../update-queue';
import type { WebhookConfig } from '../webhook-delivery';
import { type MethodContext, type MethodOutcome, ok } from './method-context';

const ALLOWED_WEBHOOK_PORTS = new Set(['', '80', '88', '443', '8443']);
const SET_WEBHOOK_SPACING_MS = 1000;

export async function getUpdates(ctx: MethodContext): Promise<MethodOutcome> {
  const { bot, params } = ctx;
  if (bot.webhook.config) {
    return bot.updates.conflict(conflict("can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"));
  }
  const offset = intParam(params, 'offset') ?? 0;
  const limit = clampedIntParam(params, 'limit', 100, 1, 100);
  const timeout = clampedIntParam(params, 'timeout', 0, 0, LONG_POLL_MAX_TIMEOUT_SECONDS);
  bot.updates.applyAllowedUpdates(jsonParam(params, 'allowed_updates'));
  return ok(await bot.updates.poll(offset, limit, timeout, ctx.signal));
}

function readWebhookUrl(raw: string, requireHttps: boolean): string {
  let parsed: URL;
  try {
    parsed = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`);
  } catch {
    throw badRequest('invalid webhook URL specified');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw badRequest('invalid webhook URL specified');
  if (requireHttps && parsed.protocol !== 'https:') throw badRequest('bad webhook: HTTPS url must be provided for webhook');
  if (requireHttps && !ALLOWED_WEBHOOK_PORTS.has(parsed.port)) throw badRequest('bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443');
  return raw;
}

function removeWebhook(ctx: MethodContext): MethodOutcome {
  const drop = boolParam(ctx.params, 'drop_pending_updates');
  const had = ctx.bot.webhook.config !== undefined;
  ctx.bot.webhook.delete();
  if (drop) ctx.bot.updates.clear();
  return ok(true, had ? 'Webhook was deleted' : 'Webhook is already deleted');
}

export function setWebhook(ctx: MethodContext): MethodOutcome {
  const { bot, params } = ctx;
  const url = stringParam(params, 'url')?.trim() ?? '';
  if (url === '') return removeWebhook(ctx);
  const now = Date.now();
  if (now < bot.nextSetWebhookAt) throw tooManyRequests(1);
  bot.nextSetWebhookAt = now + SET_WEBHOOK_SPACING_MS;

  const secret = stringParam(params, 'secret_token') ?? '';
  if (secret.length > 256) throw badRequest('secret token is too long');
  if (secret !== '' && !/^[A-Za-z0-9_-]+$/.test(secret)) throw badRequest('secret token contains unallowed characters');
  const config: WebhookConfig = {
    url: readWebhookUrl(url, ctx.world.options.webhook.requireHttps),
    maxConnections: clampedIntParam(params, 'max_connections', 40, 1, 100),
  };
  if (secret) config.secretToken = secret;
  const ipAddress = stringParam(params, 'ip_address');
  if (ipAddress) config.ipAddress = ipAddress;
  const drop = boolParam(params, 'drop_pending_updates');
  bot.updates.applyAllowedUpdates(jsonParam(params, 'allowed_updates'));

  const current = bot.webhook.config;
  const unchanged =
    current &&
    current.url === config.url &&
    current.secretToken === config.secretToken &&
    current.maxConnections === config.maxConnections &&
    current.ipAddress === config.ipAddress;
  if (unchanged && !drop) return ok(true, 'Webhook is already set');

  bot.updates.endHeldPoll(conflict('terminated by setWebhook request'));
  if (drop) bot.updates.clear();
  bot.webhook.set(config);
  return ok(true, 'Webhook was set');
}

export const deleteWebhook = (ctx: MethodContext): MethodOutcome => removeWebhook(ctx);

export function getWebhookInfo(ctx: MethodContext): MethodOutcome {
  const { webhook, updates } = ctx.bot;
  const info: Record<string, unknown> = { url: webhook.config?.url ?? '', has_custom_certificate: false, pending_update_count: updates.pendingCount() };
  if (webhook.config) {
    if (webhook.config.ipAddress) info.ip_address = webhook.config.ipAddress;
    if (webhook.lastErrorDate !== undefined) {
      info.last_error_date = webhook.lastErrorDate;
      info.last_error_message = webhook.lastErrorMessage;
    }
    info.max_connections = webhook.config.maxConnections;
    info.allowed_updates = updates.allowedUpdates();
  }
  return ok(info);
}
