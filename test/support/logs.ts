// Captures the gateway's pino output (one JSON object a line) for assertions.
import { createLogger, type Logger } from '../../src/observability/logger.js';

export interface CapturedLogs {
  logger: Logger;
  /** Every line so far, parsed. */
  lines(): Array<Record<string, unknown>>;
  /** Everything written, as text: for "no secret anywhere" checks. */
  text(): string;
  clear(): void;
}

export function captureLogs(level: 'info' | 'debug' = 'debug'): CapturedLogs {
  let written = '';
  const logger = createLogger({ level, destination: { write: (chunk: string) => void (written += chunk) } });
  return {
    logger,
    lines: () =>
      written
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    text: () => written,
    clear: () => void (written = ''),
  };
}
