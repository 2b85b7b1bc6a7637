import { type RequestParams, stringParam } from './request-params';

/**
 * What an injected fault does to a call:
 * - retryAfter: 429 "Too Many Requests: retry after N" with parameters.retry_after, nothing happens;
 * - serverError: 500 (JSON) or 502/503/504 (a proxy's HTML page); with afterProcessing the call takes
 *   effect first, so the bot sees an error for a message that was in fact sent;
 * - delay: the call is answered normally after `ms`;
 * - hang: never answered; the connection stays open until the client gives up or the local Bot API closes;
 * - drop: the connection is cut without an answer (optionally after the call took effect).
 */
export type Fault =
  | { kind: 'retryAfter'; retryAfter: number }
  | { kind: 'serverError'; status?: 500 | 502 | 503 | 504; afterProcessing?: boolean }
  | { kind: 'delay'; ms: number }
  | { kind: 'hang' }
  | { kind: 'drop'; afterProcessing?: boolean };

export interface FaultFilter {
  /** Only calls of this method (any letter case). Without it every method except getUpdates matches. */
  method?: string;
  /** Only calls whose chat_id is this chat. */
  chatId?: number | string;
  /** Only calls made with this bot token. */
  token?: string;
  /** How many matching calls the fault hits (default 1). */
  times?: number;
}

export type FaultRule = Fault & FaultFilter;

interface ArmedRule {
  rule: FaultRule;
  left: number;
}

/** Faults waiting for the calls they will hit, in the order they were injected. */
export class Faults {
  private armed: ArmedRule[] = [];

  /** Arms a fault for the next matching call(s); returns how many hits are still to come. */
  inject(rule: FaultRule): { remaining(): number } {
    const armed: ArmedRule = { rule, left: Math.max(1, rule.times ?? 1) };
    this.armed.push(armed);
    return { remaining: () => armed.left };
  }

  clear(): void {
    this.armed = [];
  }

  pending(): number {
    return this.armed.reduce((sum, a) => sum + a.left, 0);
  }

  /** The fault a call meets, if any; meeting it uses up one hit. */
  take(token: string, method: string, params: RequestParams): Fault | undefined {
    const chatId = stringParam(params, 'chat_id')?.trim();
    const hit = this.armed.find(({ rule }) => {
      if (rule.token !== undefined && rule.token !== token) return false;
      if (rule.method !== undefined ? rule.method.toLowerCase() !== method.toLowerCase() : method === 'getUpdates') return false;
      return rule.chatId === undefined || String(rule.chatId) === chatId;
    });
    if (!hit) return undefined;
    hit.left--;
    if (hit.left <= 0) this.armed = this.armed.filter((a) => a !== hit);
    return hit.rule;
  }
}
