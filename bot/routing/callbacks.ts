import type { BotContext } from '../bot-context';
import type { BotServices } from '../bot-services';
import { ADMIN_ACTIONS, ActionKind, specFor } from '../callback-data';
import { answer } from '../ui/replies';
import type { ActionBinding, BotFeature } from './feature';

/**
 * Every pressed button, routed to the feature that handles its kind. Data that does not parse (stale, forged,
 * garbage) and admin buttons pressed by anyone else get the same polite "out of date" answer, and change nothing.
 */
export function callbackRouter(features: readonly BotFeature[], kinds: readonly ActionKind[]): (ctx: BotContext, svc: BotServices) => Promise<void> {
  const bindings = new Map<ActionKind, ActionBinding>();
  for (const binding of features.flatMap((f) => f.actions ?? [])) {
    if (bindings.has(binding.kind)) throw new Error(`two features handle the ${binding.kind} button`);
    bindings.set(binding.kind, binding);
  }
  const unhandled = kinds.filter((kind) => !bindings.has(kind));
  if (unhandled.length > 0) throw new Error(`no feature handles these buttons: ${unhandled.join(', ')}`);

  return async (ctx, svc) => {
    const query = ctx.callbackQuery;
    const found = specFor(query && 'data' in query ? query.data : undefined);
    const binding = found ? bindings.get(found.spec.kind) : undefined;
    const allowed = found !== null && binding !== undefined && (!ADMIN_ACTIONS.has(found.spec.kind) || ctx.isAdmin);
    if (!allowed || !(await binding.handle(ctx, svc, found.rest))) return answer(ctx, ctx.t('staleButton'), { alert: true });
  };
}
