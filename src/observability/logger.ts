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
