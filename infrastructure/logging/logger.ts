import pino from 'pino';
import { logContextFields } from './log-context';

export type Logger = pino.Logger;

/**
 * One JSON logger for the process; fastify and every role log through children of it. The mixin adds the current
 * request id, job and order number (log-context.ts) to every line.
 */
export function createLogger(level: string, name = 'tillbot', destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    name,
    level,
    mixin: logContextFields,
    redact: { paths: ['req.headers.authorization', 'authorization', '*.apiV3Key', '*.privateKey'], censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}
