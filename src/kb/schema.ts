// The shape of one knowledge-base file (data-kb/platforms/*.json) and of the
// website-owner guide. Validated at start so bad data fails loudly, naming
// the file and the field, instead of producing a wrong alert later.
import { z } from 'zod';
import { isKnownRegion, normaliseRegion } from './regions.js';

const LANG_KEYS = ['en', 'fr', 'de', 'es', 'it', 'nl', 'pt'] as const;

const text = z.string().trim().min(1);

/** A sentence in English, optionally with translations. */
export const Localized = z.union([
  text,
  z
    .object({
      en: text,
      fr: text.optional(),
      de: text.optional(),
      es: text.optional(),
      it: text.optional(),
      nl: text.optional(),
      pt: text.optional(),
    })
    .strict(),
]);
export type Localized = z.infer<typeof Localized>;

const httpUrl = z.url({ protocol: /^https?$/, hostname: /^[a-z0-9.-]+\.[a-z]{2,}$/i });

// "YYYY-MM-DD", or "YYYY-MM" / "YYYY" when that is all a source gives.
const isoDate = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'expected YYYY-MM-DD, YYYY-MM or YYYY');

export const RegionCode = z
  .string()
  .refine(isKnownRegion, { message: 'unknown region code (use ISO 3166-1 alpha-2 or EU, EEA, UK, GLOBAL, ROW)' })
  .transform(normaliseRegion);

export const Mechanism = z.enum([
  'settings-toggle', // a switch in the account settings
  'objection-form', // a web form (GDPR art. 21 objection or similar)
  'email', // write to an address
  'privacy-request', // a privacy portal request
  'admin-setting', // only an admin/owner can change it
  'robots-txt', // website owners: crawler rules
  'opt-in', // nothing to do: training needs consent
  'none', // no way to opt out
]);
export type Mechanism = z.infer<typeof Mechanism>;

export const Training = z.enum(['default-on', 'opt-in', 'not-used', 'paused', 'stopped', 'unclear']);

/** Where training applies and how to refuse, for one set of regions. */
export const RegionRule = z
  .object({
    regions: z.array(RegionCode).min(1),
    training: Training,
    mechanism: Mechanism,
    since: isoDate.optional(),
    until: isoDate.optional(),
    note: Localized.optional(),
  })
  .strict();

export const Route = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    label: Localized,
    mechanism: Mechanism,
    /** Regions this route applies to; absent = everywhere the platform offers it. */
    regions: z.array(RegionCode).optional(),
    steps: z.object({ en: z.array(text).min(1) }).catchall(z.array(text).min(1)),
    url: httpUrl.optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    for (const k of Object.keys(r.steps)) {
      if (!(LANG_KEYS as readonly string[]).includes(k)) {
        ctx.addIssue({ code: 'custom', path: ['steps', k], message: `unknown language "${k}"` });
      }
    }
  });

export const LinkKind = z.enum(['settings', 'form', 'help', 'announcement', 'portal', 'other']);

export const Link = z
  .object({
    kind: LinkKind,
    label: Localized,
    url: httpUrl,
    regions: z.array(RegionCode).optional(),
  })
  .strict();

export const KeyDate = z
  .object({
    date: isoDate,
    event: Localized,
    regions: z.array(RegionCode).optional(),
    /** The deadline users had/have to act by (shown as the alert's deadline when still ahead). */
    deadline: z.boolean().optional(),
  })
  .strict();

export const SourceRef = z
  .object({
    id: z.string().min(1),
    title: text,
    url: httpUrl.optional(),
    /** Publication date of the source, or null when the page carries none. */
    date: isoDate.nullable(),
  })
  .strict();

export const PlatformEntry = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'lowercase letters, digits and dashes'),
    name: text,
    aliases: z.array(text),
    owner: text.optional(),
    dataUsed: z.array(Localized),
    notUsed: z.array(Localized),
    regions: z.array(RegionRule).min(1),
    routes: z.array(Route),
    links: z.array(Link),
    email: z.email().optional(),
    undoesPastTraining: z.boolean().nullable(),
    keyDates: z.array(KeyDate),
    notes: z.array(Localized),
    sources: z.array(SourceRef).min(1),
    /** Unverified facts in this entry, said plainly. */
    unverified: z.array(text).optional(),
    lastVerified: isoDate,
  })
  .strict();
export type PlatformEntry = z.infer<typeof PlatformEntry>;
export type PlatformEntryInput = z.input<typeof PlatformEntry>;

export const CrawlerEntry = z
  .object({
    userAgent: z.string().regex(/^[A-Za-z0-9._-]+$/),
    operator: text,
    purpose: Localized,
    training: z.boolean().nullable(),
    respectsRobots: z.boolean().nullable(),
    note: Localized.optional(),
  })
  .strict();

export const WebsiteGuide = z
  .object({
    id: z.literal('website'),
    name: text,
    aliases: z.array(text),
    intro: Localized,
    crawlers: z.array(CrawlerEntry).min(1),
    notes: z.array(Localized),
    sources: z.array(SourceRef).min(1),
    lastVerified: isoDate,
  })
  .strict();
export type WebsiteGuide = z.infer<typeof WebsiteGuide>;
