// Structured logs (pino, one JSON object a line). Nothing secret is ever passed to the logger;
// the redaction below is a second line of defence should a header or credential object slip in.
import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from '../config.js';

export type { Logger };

const REDACT = [
  'authorization',
  'token',
  'key',
  'apiKey',
  'secret',
  'clientSecret',
  'client_secret',
  'password',
  '*.authorization',
  '*.token',
  '*.key',
  '*.apiKey',
  '*.secret',
  '*.clientSecret',
  '*.client_secret',
  '*.password',
  'headers["x-token"]',
  'headers["x-clopos-token"]',
  '*.headers["x-token"]',
  '*.headers["x-clopos-token"]',
];

export function createLogger(options: { level: LogLevel; destination?: DestinationStream }): Logger {
  return pino(
    {
      level: options.level,
      base: { service: 'clopos-graphql' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT, censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }) },
    },
    options.destination,
  );
}

export const silentLogger: Logger = pino({ level: 'silent' });

/**
 * For lines built only from fields the gateway itself fills with non-secret values (the access
 * line, the audit line): the same logger without the redaction pass, which costs several
 * microseconds a line (measured ~8 µs redacted vs ~1 µs) because it walks every path above.
 */
export function withoutRedaction(logger: Logger): Logger {
  return logger.child({}, { redact: [] });
}
