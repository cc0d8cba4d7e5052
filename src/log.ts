// Structured JSON logs (pino) on stderr, so stdout stays free for the CLI's
// output. Known secret values are scrubbed from every line before it is written.
import pino from 'pino';

const secrets = new Set<string>();

/** Values that must never appear in a log line (tokens, signing secrets). */
export function registerSecrets(values: (string | undefined)[]): void {
  for (const v of values) if (v && v.length >= 6) secrets.add(v);
}

export function scrub(line: string): string {
  let out = line;
  for (const s of secrets) if (out.includes(s)) out = out.split(s).join('[redacted]');
  return out;
}

export const logger = pino(
  {
    level: process.env.LOG_LEVEL ?? 'info',
    base: { app: 'optout-radar' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ['*.token', '*.secret', '*.signingSecret', '*.authorization', 'headers.authorization', '*.headers.authorization'],
      censor: '[redacted]',
    },
    hooks: {
      streamWrite: (s: string) => scrub(s),
    },
  },
  pino.destination({ fd: 2, sync: true }),
);

export function setLogLevel(level: string): void {
  logger.level = level;
}
