import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { safeError, safeMessage } from './safe-error.ts';

/**
 * JSON lines; quiet under test unless asked. Errors go through `safeError` whatever key
 * they are logged under, so a failed statement's parameters (personal data) never reach
 * the log; `destination` lets a test capture the lines.
 */
export function createLog(
  destination?: DestinationStream,
  level = process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info'),
): Logger {
  const options: LoggerOptions = {
    level,
    serializers: { err: safeError, error: safeError, cause: safeError },
    // Belt and braces for anything logged by hand next to an error.
    redact: {
      paths: [
        'parameters',
        'params',
        'values',
        'query',
        'input',
        '*.parameters',
        '*.params',
        '*.values',
        '*.query',
        '*.input',
      ],
      censor: '[withheld]',
    },
    hooks: {
      // log.error(error) would make the error's own message (statement, parameters) the line's msg.
      logMethod(args, method) {
        const [first, message, ...rest] = args;
        if (!(first instanceof Error)) return method.apply(this, args);
        return method.apply(this, [
          { err: first },
          typeof message === 'string' ? message : safeMessage(first.message),
          ...rest,
        ]);
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

export const log = createLog();
