import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What every log line of one request, job run or outbox message carries, whichever logger writes it (fastify's, the
 * persistence logger, the domain's `log` callback): the logger's mixin reads it from here, so no call site passes it.
 * The store is mutable on purpose: an order number learnt half-way (an order just placed) tags the lines after it.
 */
export interface LogContext {
  reqId?: string;
  orderNo?: string;
  job?: string;
  topic?: string;
}

const storage = new AsyncLocalStorage<LogContext>();

export const currentLogContext = (): LogContext | undefined => storage.getStore();

/** Runs `work` with its own context (a nested one starts from the outer one's fields). */
export function withLogContext<T>(fields: LogContext, work: () => T): T {
  return storage.run({ ...storage.getStore(), ...fields }, work);
}

/** Enters a context for the rest of this asynchronous call chain (fastify's per-request logger factory uses it). */
export function enterLogContext(fields: LogContext): LogContext {
  const context = { ...fields };
  storage.enterWith(context);
  return context;
}

/** Tags the current request or job with the order it is about (the first one wins: a list does not re-tag). */
export function noteOrderNo(orderNo: string): void {
  const context = storage.getStore();
  if (context && context.orderNo === undefined) context.orderNo = orderNo;
}

const REQ_ID_BOUND = Symbol('reqIdBound');

/** Marks a child logger whose bindings hold reqId already (fastify's per-request logger), so lines do not say it twice. */
export function markReqIdBound<L extends object>(logger: L): L {
  Object.defineProperty(logger, REQ_ID_BOUND, { value: true });
  return logger;
}

/** The pino mixin: only the fields that are set, so a line outside any request stays as it was. */
export function logContextFields(_line: object, _level: number, logger: object): Record<string, string> {
  const context = storage.getStore();
  if (!context) return {};
  const fields: Record<string, string> = {};
  // Pino children inherit from their parent (Object.create), so request.log.child(…) is marked too.
  if (context.reqId !== undefined && !(REQ_ID_BOUND in logger)) fields.reqId = context.reqId;
  if (context.orderNo !== undefined) fields.orderNo = context.orderNo;
  if (context.job !== undefined) fields.job = context.job;
  if (context.topic !== undefined) fields.topic = context.topic;
  return fields;
}
