import { pino, type DestinationStream, type Logger } from 'pino';

/** What must never be written to a log: session cookies, CSRF tokens, authorization headers. */
export const REDACTED_PATHS = ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'];

/** The server's logger: JSON lines on stdout (or `destination`), secrets removed. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}
