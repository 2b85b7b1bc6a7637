import { isKeyValueUnavailable } from '../../domain/shared/ports/key-value-unavailable-error';
import type { BotServices } from '../bot-services';

export type Pressed<T> = { busy: true } | { busy: false; value: T };

/**
 * One tap of a button at a time per key, across replicas: a second tap while the first is still working is told to
 * wait instead of starting the work again. The use case stays idempotent on its own; this only keeps a double tap
 * from sending two replies. Without the lock service (Redis down) the tap goes ahead unguarded.
 */
export async function withPressLock<T>(svc: BotServices, key: string, fn: () => Promise<T>): Promise<Pressed<T>> {
  let lease;
  try {
    lease = await svc.lock.acquire(`bot:press:${key}`, 60_000);
    if (lease === null) return { busy: true };
  } catch (e) {
    if (!isKeyValueUnavailable(e)) throw e;
    svc.logger.warn({ err: e }, 'press lock unavailable; going ahead without it');
  }
  try {
    return { busy: false, value: await fn() };
  } finally {
    await lease?.release().catch(() => false);
  }
}
