import pino from 'pino';

/** JSON lines on stdout; quiet under test unless asked. */
export const log = pino({ level: process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info') });
