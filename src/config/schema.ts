// Every setting of SPEC §4, read from the environment (12-factor). Each check
// names the variable and what is wrong, so a start with bad settings prints one
// readable line per problem and starts nothing.
import { z } from 'zod';
import cron from 'node-cron';

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().trim().optional());
const channelList = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .optional()
    .transform((s) => (s ? s.split(',').map((c) => c.trim()).filter(Boolean) : [])),
);
const httpUrl = (what: string) =>
  z.preprocess(
    emptyToUndefined,
    z
      .string()
      .refine((s) => /^https?:\/\/[^\s]+$/i.test(s) && URL.canParse(s), { message: `must be an http(s) URL (${what})` })
      .optional(),
  );

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const configSchema = z
  .object({
    STORE_URL: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .default('sqlite://./data/optout-radar.db')
        .refine((s) => /^(sqlite:|rediss?:\/\/|postgres(ql)?:\/\/)/i.test(s), {
          message: 'must start with sqlite:, redis://, rediss:// or postgres://',
        }),
    ),
    STORE_PREFIX: z.preprocess(
      emptyToUndefined,
      z.string().regex(/^[a-z0-9_-]*$/i, { message: 'may only contain letters, digits, _ and -' }).default(''),
    ),
    POLL_SCHEDULE: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .default('*/15 * * * *')
        .refine((s) => cron.validate(s), { message: 'is not a cron expression (e.g. "*/15 * * * *")' }),
    ),
    SOURCES_FILE: optionalString,
    POLL_LOCK_SECONDS: z.preprocess(
      emptyToUndefined,
      z.coerce.number({ message: 'must be a number' }).min(1, { message: 'must be at least 1' }).max(3600, { message: 'must be at most 3600' }).default(60),
    ),
    // How long a crashed process's outbox lock blocks the others (renewed every third of it while draining).
    OUTBOX_LOCK_SECONDS: z.preprocess(
      emptyToUndefined,
      z.coerce.number({ message: 'must be a number' }).min(1, { message: 'must be at least 1' }).max(3600, { message: 'must be at most 3600' }).default(15),
    ),
    PORT: z.preprocess(
      emptyToUndefined,
      z.coerce
        .number({ message: 'must be a number' })
        .int({ message: 'must be a whole number' })
        .min(0, { message: 'must be between 0 and 65535' })
        .max(65535, { message: 'must be between 0 and 65535' })
        .default(3000),
    ),
    HOST: z.preprocess(emptyToUndefined, z.string().default('0.0.0.0')),
    LOG_LEVEL: z.preprocess(emptyToUndefined, z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info')),
    CLASSIFIER_THRESHOLD: z.preprocess(
      emptyToUndefined,
      z.coerce.number({ message: 'must be a number' }).min(0, { message: 'must be between 0 and 1' }).max(1, { message: 'must be between 0 and 1' }).default(0.5),
    ),
    FETCH_ARTICLES: z.preprocess(
      emptyToUndefined,
      z
        .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
        .default('true')
        .transform((v) => ['true', '1', 'yes'].includes(v)),
    ),
    MAX_ITEM_AGE_DAYS: z.preprocess(emptyToUndefined, z.coerce.number({ message: 'must be a number' }).positive({ message: 'must be positive' }).default(3)),
    ALERT_LANG: z.preprocess(emptyToUndefined, z.string().regex(/^[a-z]{2}$/, { message: 'must be a two-letter language code' }).default('en')),
    // Days before a deadline at which subscribed channels get a reminder, e.g. "7,1".
    REMINDER_DAYS: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .default('7,1')
        .refine((s) => s.split(',').every((p) => /^\s*\d{1,3}\s*$/.test(p) && Number(p) >= 1 && Number(p) <= 365), {
          message: 'must be a comma-separated list of whole days between 1 and 365 (e.g. "7,1")',
        })
        .transform((s) => [...new Set(s.split(',').map((p) => Number(p.trim())))].sort((a, b) => b - a)),
    ),
    // A guide not verified for this many days is marked as possibly out of date.
    KB_STALE_DAYS: z.preprocess(
      emptyToUndefined,
      z.coerce.number({ message: 'must be a number' }).int({ message: 'must be a whole number of days' }).min(1, { message: 'must be at least 1' }).default(180),
    ),
    SLACK_BOT_TOKEN: optionalString.refine((s) => s === undefined || s.startsWith('xoxb-'), { message: 'must start with xoxb-' }),
    SLACK_SIGNING_SECRET: optionalString,
    SLACK_APP_TOKEN: optionalString.refine((s) => s === undefined || s.startsWith('xapp-'), { message: 'must start with xapp-' }),
    SLACK_API_URL: httpUrl('Slack Web API base'),
    SLACK_ALERT_CHANNELS: channelList,
    SLACK_ADMIN_USERS: channelList,
    DISCORD_TOKEN: optionalString,
    DISCORD_APPLICATION_ID: optionalString.refine((s) => s === undefined || /^\d{5,25}$/.test(s), { message: 'must be a numeric snowflake id' }),
    DISCORD_PUBLIC_KEY: optionalString.refine((s) => s === undefined || /^[0-9a-f]{64}$/i.test(s), { message: 'must be 64 hex characters' }),
    DISCORD_API_URL: httpUrl('Discord REST base, e.g. https://discord.com/api'),
    DISCORD_ALERT_CHANNELS: channelList,
  })
  .superRefine((c, ctx) => {
    // Slack HTTP mode cannot verify requests without the signing secret.
    if (c.SLACK_BOT_TOKEN && !c.SLACK_SIGNING_SECRET && !c.SLACK_APP_TOKEN)
      ctx.addIssue({ code: 'custom', path: ['SLACK_SIGNING_SECRET'], message: 'is required with SLACK_BOT_TOKEN (or set SLACK_APP_TOKEN for Socket Mode)' });
    if ((c.SLACK_APP_TOKEN || c.SLACK_SIGNING_SECRET || c.SLACK_ALERT_CHANNELS.length) && !c.SLACK_BOT_TOKEN)
      ctx.addIssue({ code: 'custom', path: ['SLACK_BOT_TOKEN'], message: 'is required when other SLACK_* settings are set' });
    if (c.DISCORD_ALERT_CHANNELS.length && !c.DISCORD_TOKEN && !c.DISCORD_ALERT_CHANNELS.every((ch) => ch.startsWith('https://')))
      ctx.addIssue({ code: 'custom', path: ['DISCORD_TOKEN'], message: 'is required to post to DISCORD_ALERT_CHANNELS (or list webhook URLs)' });
    if (c.DISCORD_TOKEN && !c.DISCORD_APPLICATION_ID)
      ctx.addIssue({ code: 'custom', path: ['DISCORD_APPLICATION_ID'], message: 'is required with DISCORD_TOKEN' });
  });

export type Config = z.output<typeof configSchema>;
