import type { CommandModule, Args } from '../types.js';
import type { Subscription, SubscriptionFilters } from '../../src/domain.js';
import { errorReply, reply } from '../reply.js';
import { describeFilters, subscriptionKey } from './subscription-format.js';

const REGION = /^[A-Z]{2,3}$/;
const LANG = /^[a-z]{2}$/;

/** Checks and normalises filter options; returns the filters or a message saying what is wrong. */
export function filtersFrom(args: Args): SubscriptionFilters | string {
  const f: SubscriptionFilters = {};
  const list = (v: unknown) => String(v).split(',').map((x) => x.trim()).filter(Boolean);
  if (args.platforms !== undefined) {
    f.platforms = list(args.platforms).map((p) => p.toLowerCase());
    if (f.platforms.length === 0 || f.platforms.some((p) => p.length > 40)) return 'platforms: give names separated by commas, e.g. platforms:linkedin,meta';
  }
  if (args.regions !== undefined) {
    f.regions = list(args.regions).map((r) => r.toUpperCase());
    const bad = f.regions.find((r) => !REGION.test(r));
    if (bad || f.regions.length === 0) return `regions: "${(bad ?? '').slice(0, 10)}" is not a region code (EU, EEA, UK, US, FR, DE …)`;
  }
  if (args.languages !== undefined) {
    f.languages = list(args.languages).map((l) => l.toLowerCase());
    const bad = f.languages.find((l) => !LANG.test(l));
    if (bad || f.languages.length === 0) return `languages: "${(bad ?? '').slice(0, 10)}" is not a two-letter language code (en, fr, de …)`;
  }
  if (args.min !== undefined) f.minScore = Number(args.min);
  if (args.grey !== undefined) f.greyZone = Boolean(args.grey);
  if (args.mode !== undefined) f.mode = args.mode === 'digest' ? 'digest' : 'realtime';
  if (args.at !== undefined) {
    const at = String(args.at);
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(at)) return `at: "${at.slice(0, 10)}" is not a time like 09:00`;
    f.digestTime = at;
    f.mode ??= 'digest';
  }
  if (args.tz !== undefined) {
    const tz = String(args.tz);
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
    } catch {
      return `tz: "${tz.slice(0, 40)}" is not a time zone (e.g. Europe/Paris, UTC)`;
    }
    f.timeZone = tz;
  }
  if (args.lang !== undefined) f.lang = String(args.lang);
  if (f.mode === 'digest') {
    f.digestTime ??= '09:00';
    f.timeZone ??= 'UTC';
  }
  return f;
}

export const subscribe: CommandModule = {
  definition: {
    name: 'subscribe',
    parent: 'radar',
    description: 'Send alerts to this channel (channel managers only)',
    usage: '/radar subscribe [platforms:a,b] [regions:EU,UK] [languages:fr,de] [min:0.6] [grey:on|off] [mode:realtime|digest] [at:09:00] [tz:Europe/Paris] [lang:en|fr]',
    managersOnly: true,
    options: [
      { name: 'platforms', description: 'Only these platforms (comma-separated)', type: 'string', autocomplete: false },
      { name: 'regions', description: 'Only stories affecting these regions (EU, UK, US …)', type: 'string' },
      { name: 'languages', description: 'Only stories in these languages (en, fr …)', type: 'string' },
      { name: 'min', description: 'Minimum score 0–1', type: 'number', min: 0, max: 1 },
      { name: 'grey', description: 'Include grey-zone stories (on/off, default on)', type: 'boolean' },
      { name: 'mode', description: 'realtime (default) or a daily digest', type: 'string', choices: [{ name: 'realtime', value: 'realtime' }, { name: 'digest', value: 'digest' }] },
      { name: 'at', description: 'Digest time HH:MM', type: 'string' },
      { name: 'tz', description: 'Digest time zone (IANA, e.g. Europe/Paris)', type: 'string' },
      { name: 'lang', description: 'Language of the labels (en, fr)', type: 'string', choices: [{ name: 'English', value: 'en' }, { name: 'Français', value: 'fr' }] },
    ],
  },
  async handle(args, ctx) {
    const filters = filtersFrom(args);
    if (typeof filters === 'string') return errorReply(filters, subscribe.definition.usage);
    const key = subscriptionKey(ctx.platform, ctx.channelId);
    const existing = await ctx.services.store.subscriptions.get(key);
    const sub: Subscription = {
      platform: ctx.platform,
      channelId: ctx.channelId,
      filters,
      createdBy: ctx.userId,
      createdAt: existing?.createdAt ?? ctx.services.now().toISOString(),
    };
    await ctx.services.store.subscriptions.set(key, sub);
    const text = `${existing ? 'Updated' : 'Subscribed'}: this channel gets ${describeFilters(filters)}.`;
    return reply([{ type: 'text', text }], text, { ephemeral: false });
  },
};
