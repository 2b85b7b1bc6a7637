import { ProviderError } from '../../../domain/payment';
import { Result, err, ok } from '../../../domain/shared/result';

/** One Bot API method call: `result` on success, a ProviderError in the payment port's words otherwise. */
export type BotApiCall = <T>(method: string, params: Record<string, unknown>) => Promise<Result<T, ProviderError>>;

const TIMEOUT_MS = 10_000;

interface BotApiReply {
  ok: boolean;
  result?: unknown;
  error_code?: number;
  description?: string;
}

/**
 * The Bot API over HTTP for the Stars provider (the bot's own client lives in the bot door; payments must not import a
 * door). Telegram answers 4xx with its reason in `description` ("Bad Request: CHARGE_ALREADY_REFUNDED"): that is the
 * provider's code here. Network errors, 5xx and 429 are PROVIDER_UNAVAILABLE (the same call may be made again).
 */
export function botApiCaller(token: string, apiRoot = 'https://api.telegram.org'): BotApiCall {
  const base = `${apiRoot.replace(/\/+$/, '')}/bot${token}`;
  return async <T>(method: string, params: Record<string, unknown>): Promise<Result<T, ProviderError>> => {
    let response: Response;
    try {
      response = await fetch(`${base}/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(params),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (e) {
      return err({ code: 'PROVIDER_UNAVAILABLE', message: `Telegram ${method}: ${e instanceof Error ? e.message : String(e)}` });
    }
    let reply: BotApiReply;
    try {
      reply = (await response.json()) as BotApiReply;
    } catch {
      return err({ code: 'PROVIDER_UNAVAILABLE', message: `Telegram ${method}: HTTP ${response.status} without a JSON reply`, httpStatus: response.status });
    }
    if (reply.ok) return ok(reply.result as T);
    const description = reply.description ?? `HTTP ${response.status}`;
    const status = reply.error_code ?? response.status;
    const code = status === 429 || status >= 500 ? 'PROVIDER_UNAVAILABLE' : 'PROVIDER_REJECTED';
    return err({ code, message: `Telegram ${method}: ${description}`, providerCode: description.replace(/^Bad Request: /, ''), httpStatus: status });
  };
}
