import pino from 'pino';

export type Logger = pino.Logger;

/** One JSON logger for the process; fastify and every role log through children of it. */
export function createLogger(level: string, name = 'tillbot'): Logger {
  return pino({ name, level, redact: { paths: ['req.headers.authorization', 'authorization', '*.apiV3Key', '*.privateKey'], censor: '[redacted]' } });
}
