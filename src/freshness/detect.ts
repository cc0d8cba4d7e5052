// Finds where a relevant story contradicts the knowledge base for one
// platform: a region newly included or excluded, an opt-out mechanism added or
// removed, a deadline the KB does not know, a quoted menu label that differs
// from the guide's. Precision first: a finding needs the story to say it in a
// sentence about this platform and about using data or opting out, because a
// false "may be out of date" teaches operators to ignore the mark.
import type { Story } from '../domain.js';
import { regionCovers, regionName, type PlatformEntry } from '../kb/index.js';
import { extractRegions } from '../compose/facts.js';
import { cutAtWord, fold } from '../compose/text.js';
import { extractStoryDeadlines } from '../deadlines/model.js';
import type { Kb } from '../kb/index.js';

export type FreshnessKind = 'region-included' | 'region-excluded' | 'mechanism-added' | 'mechanism-removed' | 'new-deadline' | 'label-changed';

export interface Finding {
  kind: FreshnessKind;
  /** What differs, for an operator: "story: EU included; guide: not used (EU, EEA…)". */
  detail: string;
  /** The story's words that say it. */
  evidence: string;
}

type Rule = PlatformEntry['regions'][number];
type Mechanism = Rule['mechanism'];

const IN_SCOPE = new Set(['default-on', 'opt-in', 'unclear']);

// Folded-text cues.
const USE_CUE =
  /\b(train\w*|use|uses|using|used|utilis\w*|entrain\w*|exploit\w*|nutz\w*|verwend\w*|trainier\w*|usar\w*|usa|utiliz\w*|entren\w*|addestr\w*|usare|gebruik\w*|trein\w*|opted in|opt(?:ed)? out|inclus?|included|excluded|exclus?|ausgenommen)\b/;
const STOP_CUE =
  /\b(paus\w*|halt\w*|stopp?(?:ed|s|t)?|stopping|suspen\w*|sospend\w*|sospes\w*|no longer|cesse\w*|arrete\w*|nicht mehr|gestoppt|dejara de|ha dejado de|smesso|smettera|gestopt)\b/;
// "will not train on data from the EEA": the regions named are out, not in.
const NEGATED_USE =
  /\b(?:will not|won't|does not|doesn't|do not|don't|not to|never|is not|are not|isn't|aren't)\s+(?:\w+\s+){0,2}(?:train|use|using|used|process)\w*|\bn'?(?:e\s+)?(?:utilise|entraine|exploite|traite)\w*\s+(?:pas|plus|jamais)\b|\b(?:nicht|kein\w*)\s+(?:\w+\s+){0,2}(?:verwend|nutz|trainier)\w*|\bno\s+(?:\w+\s+)?(?:usara|utilizara|entrenara)\b|\bnon\s+(?:\w+\s+)?(?:usera|utilizzera|addestrera)\b/;
// Proceedings are about what a company did, not about what the guide should say now.
const PROCEEDINGS =
  /\b(inquiry|investigat\w*|examin\w*|probe[sd]?|court|regulators?|watchdog|authority|dpc|ico|cnil|garante|autorite|aufsicht\w*|datenschutzbehorde|regulador\w*|autoridad|toezichthouder|autoridade|anpd|lawful\w*|unlawful\w*|rechtmassig\w*|gepruft|verhindern|lawsuit|sue[sd]?|suing|fine[sd]?|complaints?|enquete|plainte|tribunal|justice|amende|proces|untersuch\w*|klage|gericht\w*|bussgeld|investiga\w*|demanda|multa|denuncia|indagine|ricorso|sanzion\w*|onderzoek\w*|rechtszaak|boete|processo|reclamac\w*)\b/;

const RESUME = /\b(resum\w*|restart\w*|reprend\w*|wieder aufnehm\w*|nimmt .{0,40} wieder auf|reanud\w*|riprend\w*|hervat\w*|retom\w*)\b/;
// A subordinate clause ("…, after pausing the plan last year") says something else than the main one.
const SUBORDINATE = /[;:]\s*|,\s*(?=(?:after|before|while|whereas|but|following|although|though|apr[eè]s|avant|alors que|mais|bien que|nachdem|bevor|aber|w[aä]hrend|obwohl|despu[eé]s de|tras|antes de|pero|aunque|dopo|prima di|ma|mentre|nadat|voordat|maar|terwijl|ap[oó]s|antes|mas|embora)\b)/i;

function subClauses(sentence: string): string[] {
  return sentence.split(SUBORDINATE).filter((c) => c.trim().length > 0);
}

function ruleCovers(rule: Rule, region: string): boolean {
  return rule.regions.some((r) => regionCovers(r, region) || regionCovers(region, r));
}

function activeAt(rule: Rule, day: string): boolean {
  return (!rule.since || rule.since.slice(0, 10) <= day) && (!rule.until || rule.until.slice(0, 10) >= day);
}

function describe(rules: Rule[]): string {
  return rules.map((r) => `${r.training}/${r.mechanism} (${r.regions.join(', ')}${r.since ? ` since ${r.since}` : ''})`).join('; ');
}

function regionFindings(entry: PlatformEntry, sentences: string[], day: string): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  const push = (f: Finding) => {
    const k = `${f.kind}:${f.detail}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push(f);
    }
  };
  for (const s of sentences.flatMap(subClauses)) {
    const f = fold(s);
    if (!USE_CUE.test(f) && !STOP_CUE.test(f)) continue;
    const r = extractRegions(s);
    // "will resume training … after pausing it": resuming is the news.
    const stopped = (STOP_CUE.test(f) && !RESUME.test(f)) || NEGATED_USE.test(f);
    // "X paused training on UK users' data": the regions it names are now out.
    const included = stopped || PROCEEDINGS.test(f) ? [] : r.included;
    const excluded = stopped ? [...r.included, ...r.excluded] : r.excluded;
    for (const region of included) {
      const explicit = entry.regions.filter((rule) => ruleCovers(rule, region));
      const fallback = entry.regions.filter((rule) => rule.regions.includes('ROW') || rule.regions.includes('GLOBAL'));
      const rules = explicit.length ? explicit : fallback;
      if (rules.some((rule) => IN_SCOPE.has(rule.training))) continue;
      // The guide's "out" started after the story: the story tells the state before it.
      if (rules.some((rule) => rule.since && rule.since.slice(0, 10) > day)) continue;
      push({
        kind: 'region-included',
        detail: rules.length
          ? `story: ${regionName(region)} included; guide: not in scope — ${describe(rules)}`
          : `story: ${regionName(region)} included; guide has no rule for ${regionName(region)}`,
        evidence: cutAtWord(s, 300),
      });
    }
    for (const region of excluded) {
      const explicit = entry.regions.filter((rule) => ruleCovers(rule, region));
      const pool = explicit.length ? explicit : entry.regions.filter((rule) => rule.regions.includes('ROW') || rule.regions.includes('GLOBAL'));
      // Only what the guide says for the story's date: a story about 2024 does not contradict a 2025 rule.
      const active = pool.filter((rule) => activeAt(rule, day));
      if (!active.length || !active.every((rule) => IN_SCOPE.has(rule.training))) continue;
      push({
        kind: 'region-excluded',
        detail: `story: ${regionName(region)} excluded or stopped; guide: in scope — ${describe(active)}`,
        evidence: cutAtWord(s, 300),
      });
    }
  }
  return out;
}

// Mechanisms as stories describe them (folded text).
const MECH_CUES: [Mechanism, RegExp][] = [
  [
    'objection-form',
    /\b(objection form|form to object|opt-out form|(?:web )?form to opt out|formulaire (?:d'opposition|d'objection|de refus)|widerspruchsformular|formulario de (?:oposicion|objecion)|modulo (?:di opposizione|per opporsi)|bezwaarformulier|formulario de oposicao)\b/,
  ],
  [
    'settings-toggle',
    /\b(toggle|switch(?:ing)? (?:it )?off|turn(?:ing)? (?:it )?off|untick|uncheck|desactiv\w*|decoch\w*|deaktivier\w*|ausschalt\w*|desmarc\w*|disattiv\w*|uitschakel\w*|desativ\w*)\b/,
  ],
  ['email', /\b(by e-?mail|send(?:ing)? an e-?mail|e-?mail (?:to|at)|writing to [\w.+-]+@|par (?:e-?mail|courriel)|per e-?mail|por correo)\b|\b[\w.+-]+@[\w-]+\.[a-z]{2,}\b/],
  ['privacy-request', /\b(privacy (?:portal|request)|data subject (?:access )?request|portail de confidentialite|demande (?:de confidentialite|rgpd))\b/],
  [
    'admin-setting',
    /\b(only (?:an? )?(?:admins?|administrators?|owners?) (?:can|may)|workspace (?:admins?|owners?) (?:can|must)|(?:admins?|administrators?) (?:can|must|have to) (?:turn|opt|disable)|seuls? les administrateurs)\b/,
  ],
  [
    'none',
    /\b(no (?:way|option) to (?:opt out|object|refuse)|there is no opt-?out|no opt-?out (?:option|is (?:available|offered))|(?:users|members|people|you) (?:can ?not|can't) opt out(?! of (?:past|previous|data already|training that))|aucun moyen de (?:refuser|s'opposer)|impossible de (?:refuser|s'opposer)|keine moglichkeit,? (?:zu widersprechen|sich abzumelden)|no hay (?:forma|manera) de (?:oponerse|excluirse))\b/,
  ],
  ['opt-in', /\b(opt-?in (?:only|basis)|only with (?:your |their |users' |members' )?(?:explicit )?consent|asks? (?:users |members )?for (?:their )?consent (?:first|before)|consentement (?:explicite|prealable))\b/],
];

// Mechanisms that stand for one another when comparing (an admin switch is a setting too).
const GROUPS: Record<Mechanism, Mechanism[]> = {
  'settings-toggle': ['settings-toggle', 'admin-setting'],
  'admin-setting': ['admin-setting', 'settings-toggle'],
  'objection-form': ['objection-form', 'privacy-request'],
  'privacy-request': ['privacy-request', 'objection-form'],
  email: ['email'],
  'robots-txt': ['robots-txt'],
  'opt-in': ['opt-in'],
  none: ['none'],
};

const REMOVED =
  /\b(removed|scrapped|dropped|withdrew|withdrawn|discontinued|no longer (?:offers?|available|lets|allows|possible|provides)|supprime\w*|retire\w*|ne propose plus|n'est plus (?:possible|disponible)|entfernt|abgeschafft|nicht mehr (?:moglich|verfugbar)|eliminad\w*|ya no (?:es posible|esta disponible)|rimoss\w*|non e piu (?:possibile|disponibile)|verwijderd|niet langer)\b/;
const NOUNS: [Mechanism, RegExp][] = [
  ['objection-form', /\b(form|formulaire|formular|formulario|modulo|formulier)\b/],
  ['settings-toggle', /\b(toggle|setting|switch|reglage|parametre|bouton|einstellung|schalter|ajuste|impostazione|instelling)\b/],
  ['email', /\b(e-?mail|courriel|correo)\b/],
];
const GENERIC_OPTOUT = /\b(opt-?out|option to (?:opt out|object|refuse)|possibilite de (?:refuser|s'opposer)|moglichkeit)\b/;
// "You can't turn it off": a negated mention is not a mechanism.
const NEGATED_BEFORE = /(can ?not|can't|cannot|unable to|no way to|impossible de|ne peut pas|ne pouvez pas|kann nicht|no se puede|non e possibile)\s*(?:\S+\s+){0,2}$/;

const CLAUSE = /[;:,()]|\b(but|while|only|whereas|mais|seul\w*|alors que|aber|nur|pero|solo|ma|maar|mas)\b/g;

function clauseAt(f: string, at: number): string {
  let start = 0;
  let end = f.length;
  for (const m of f.matchAll(CLAUSE)) {
    if (m.index < at) start = m.index + m[0].length;
    else if (m.index > at) {
      end = m.index;
      break;
    }
  }
  return f.slice(start, end);
}

const OBJECT_VERB = /\b(object\w*|opt(?:[- ])?out|refus\w*|oppos\w*|widersp\w*|oponer\w*|opporsi|bezwaar|withdraw consent|request)\b/;
const NOTIFY = /\b(notif\w*|inform\w*|tell\w*|alert\w*|benachrichtig\w*|avis\w*|previen\w*)\b/;

const REAL = (m: Mechanism) => m !== 'none' && m !== 'opt-in';

function kbMechanisms(entry: PlatformEntry): Set<Mechanism> {
  const set = new Set<Mechanism>([...entry.regions.map((r) => r.mechanism), ...entry.routes.map((r) => r.mechanism)]);
  if (entry.email) set.add('email');
  if (entry.regions.some((r) => r.training === 'opt-in')) set.add('opt-in');
  return set;
}

function mechanismFindings(entry: PlatformEntry, sentences: string[]): Finding[] {
  const have = kbMechanisms(entry);
  const known = (m: Mechanism) => GROUPS[m].some((x) => have.has(x));
  const out: Finding[] = [];
  const seen = new Set<string>();
  const push = (f: Finding) => {
    if (!seen.has(f.detail)) {
      seen.add(f.detail);
      out.push(f);
    }
  };
  for (const s of sentences) {
    const f = fold(s);
    const removal = REMOVED.exec(f);
    if (removal) {
      // Only what the removal clause names: "removed the form; only the toggle remains" removes the form.
      const clause = clauseAt(f, removal.index);
      const named = NOUNS.filter(([, re]) => re.test(clause)).map(([m]) => m);
      const targets = named.length ? named : GENERIC_OPTOUT.test(clause) ? [...have].filter(REAL) : [];
      for (const m of targets) {
        if (!have.has(m)) continue;
        push({ kind: 'mechanism-removed', detail: `story: ${m} removed; guide still lists it`, evidence: cutAtWord(s, 300) });
      }
      continue;
    }
    for (const [m, re] of MECH_CUES) {
      const hit = re.exec(f);
      if (!hit) continue;
      if (NEGATED_BEFORE.test(f.slice(Math.max(0, hit.index - 40), hit.index))) continue;
      if (m === 'none') {
        // "No way to opt out" contradicts a guide that offers one everywhere.
        if (!have.has('none') && [...have].some(REAL))
          push({ kind: 'mechanism-removed', detail: `story: no way to opt out; guide lists ${[...have].filter(REAL).join(', ')}`, evidence: cutAtWord(s, 300) });
        continue;
      }
      // "We will notify users by email" is not a way to object: the clause must be about refusing.
      if (m === 'email' && (!OBJECT_VERB.test(clauseAt(f, hit.index)) || NOTIFY.test(clauseAt(f, hit.index)))) continue;
      if (!known(m)) push({ kind: 'mechanism-added', detail: `story: ${m}; guide lists ${[...have].join(', ') || 'no mechanism'}`, evidence: cutAtWord(s, 300) });
    }
  }
  return out;
}

function kbDays(entry: PlatformEntry): string[] {
  const days = entry.keyDates.map((k) => k.date);
  for (const r of entry.regions) {
    if (r.since) days.push(r.since);
    if (r.until) days.push(r.until);
  }
  return days;
}

function deadlineFindings(entry: PlatformEntry, story: Story, kb: Kb, now: Date, day: string): Finding[] {
  const known = kbDays(entry);
  const out: Finding[] = [];
  // A date long before the story is history being retold, not news.
  const floor = new Date(Date.parse(`${day}T00:00:00Z`) - 30 * 86_400_000).toISOString().slice(0, 10);
  for (const d of extractStoryDeadlines(story, { kb, now })) {
    if (d.platformId !== entry.id || d.date < floor) continue;
    // "until 26 May" and "before 27 May" name the same deadline.
    if (known.some((k) => d.date.startsWith(k) || (k.length === 10 && Math.abs(Date.parse(d.date) - Date.parse(k)) <= 86_400_000))) continue;
    out.push({ kind: 'new-deadline', detail: `story: ${d.kind === 'start' ? 'starts' : 'deadline'} ${d.date}; guide has no such date`, evidence: d.quote });
  }
  return out;
}

// Quoted UI labels: “…”, "…", « … », „…“.
const QUOTED = /[“"«„]\s*([^“”"«»„]{3,90}?)\s*[”"»“]/g;
const UI_CUE =
  /\b(settings?|menu|toggle|option|section|tab|click|tap|select|open|go to|turn off|switch off|labell?ed|called|named|parametres?|reglages?|rubrique|onglet|cliquez|appuyez|ouvrez|allez|desactivez|intitule\w*|einstellungen|tippen|klicken|offnen|deaktivieren|configuracion|ajustes|impostazioni|instellingen|configuracoes|definicoes)\b/;
const STOP_WORDS = new Set(
  'a an and the of for to in on my your our de la le les des du et pour l d un une mes vos der die das und fur von mein el los las y para mi il lo e per di het en voor van o os as para meu'.split(' '),
);

const norm = (s: string) => fold(s).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
const words = (s: string) => new Set(norm(s).split(' ').filter((w) => w.length > 1 && !STOP_WORDS.has(w)));

/** Every label-like string the guide quotes, in every language it has. */
function kbLabels(entry: PlatformEntry): { texts: string[]; labels: string[] } {
  const texts: string[] = [];
  for (const r of entry.routes) {
    for (const steps of Object.values(r.steps)) texts.push(...(steps as string[]));
    texts.push(...(typeof r.label === 'string' ? [r.label] : Object.values(r.label).filter((x): x is string => !!x)));
  }
  for (const l of entry.links) texts.push(...(typeof l.label === 'string' ? [l.label] : Object.values(l.label).filter((x): x is string => !!x)));
  const labels: string[] = [];
  for (const t of texts) {
    for (const m of t.matchAll(/[“"«„]\s*([^“”"«»„]+?)\s*[”"»“]/g)) labels.push(m[1]!);
    for (const part of t.split(/\s*(?:→|›|>)\s*/)) if (part.trim()) labels.push(part.trim());
  }
  return { texts, labels };
}

function jaccard(a: Set<string>, b: Set<string>): { score: number; shared: number } {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  const union = a.size + b.size - shared;
  return { score: union ? shared / union : 0, shared };
}

function labelFindings(entry: PlatformEntry, sentences: string[]): Finding[] {
  const { texts, labels } = kbLabels(entry);
  if (!labels.length) return [];
  const haystack = texts.map(norm);
  const out: Finding[] = [];
  for (const s of sentences) {
    if (!UI_CUE.test(fold(s))) continue;
    for (const m of s.matchAll(QUOTED)) {
      const quote = m[1]!.trim();
      const n = norm(quote);
      if (!n || n.split(' ').length > 12) continue;
      if (haystack.some((h) => h.includes(n))) continue; // the guide says the same
      const qw = words(quote);
      let best: { label: string; score: number; shared: number } | undefined;
      for (const label of labels) {
        const j = jaccard(qw, words(label));
        if (!best || j.score > best.score) best = { label, ...j };
      }
      // Only a quote that is recognisably the same control, renamed, counts.
      if (best && best.score >= 0.5 && best.shared >= 2)
        out.push({ kind: 'label-changed', detail: `story quotes “${quote}”; guide says “${best.label}”`, evidence: cutAtWord(s, 300) });
    }
  }
  return out;
}

export interface DetectOptions {
  kb: Kb;
  now: Date;
}

/** Every contradiction between the story and the guide of `entry`. */
export function contradictions(entry: PlatformEntry, story: Story, sentences: string[], opts: DetectOptions): Finding[] {
  const ref = story.published ?? story.firstSeen ?? opts.now.toISOString();
  const day = Number.isNaN(Date.parse(ref)) ? opts.now.toISOString().slice(0, 10) : new Date(ref).toISOString().slice(0, 10);
  return [
    ...regionFindings(entry, sentences, day),
    ...mechanismFindings(entry, sentences),
    ...deadlineFindings(entry, story, opts.kb, opts.now, day),
    ...labelFindings(entry, sentences),
  ];
}

export function kindLabel(kind: FreshnessKind): string {
  return {
    'region-included': 'region newly included',
    'region-excluded': 'region newly excluded',
    'mechanism-added': 'new opt-out mechanism',
    'mechanism-removed': 'opt-out mechanism removed',
    'new-deadline': 'new deadline',
    'label-changed': 'menu label changed',
  }[kind];
}
