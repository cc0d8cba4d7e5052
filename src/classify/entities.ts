// Named things a Decision lists: platforms, regulators, regions, advocacy groups.
// Patterns run on un-accented text with original case: most are case-insensitive,
// short acronyms that collide with ordinary words ("EU" vs Portuguese "eu" = I,
// "X", "AP" = Associated Press) are case-sensitive and guarded.

export interface Alias {
  name: string;
  re: RegExp;
}

function ci(name: string, src: string): Alias {
  return { name, re: new RegExp(src, 'i') };
}
function cs(name: string, src: string): Alias {
  return { name, re: new RegExp(src) };
}

/**
 * Platforms. Convention: the canonical name is the company; for Meta the product
 * is kept in brackets ("Meta (Instagram)") because opt-out steps differ per app;
 * a story naming only Meta gives "Meta". Other multi-product companies collapse to
 * the company (Gemini, YouTube → Google; Bing, Copilot → Microsoft).
 */
export const PLATFORMS: Alias[] = [
  ci('Meta (Facebook)', String.raw`\bfacebook\b`),
  ci('Meta (Instagram)', String.raw`\binstagram\b`),
  ci('Meta (WhatsApp)', String.raw`\bwhats ?app\b`),
  ci('Meta (Threads)', String.raw`\bthreads\b(?= app|,| users| posts|'|\))|\bmeta'?s threads\b|\bthreads (?:de|von|di|van|do) meta\b`),
  ci('Meta (Meta AI)', String.raw`\bmeta ai\b`),
  // Case-sensitive: "meta" is an ordinary word (goal) in Spanish, Italian and Portuguese.
  cs('Meta', String.raw`\b(?:Meta|META)s?\b(?! AI\b)`),
  ci('X', String.raw`\btwitter\b|\btweets?\b|\bgrok\b|\bxai\b|\bx corp\b`),
  cs('X', String.raw`(?:^|(?<!Model|Series|Xbox|Galaxy|Pixel|iPhone|Mark|Gen|Generation|Type|Windows|Mac OS|macOS|Xperia|Redmi|Mi)[\s("'])X(?=\s*\(|'s\b|,|\s+(?:Corp|says|will|has|is|to|users|owner|formerly|and|chief|CEO|plans|quietly|changes|updates|now|may|can|could|de|von|di|van|do|stopped|agrees|agreed|must|faces|sued|[a-z]+s\b))|\b(?:on|at|from|of|by|with|sur|auf|su|op|no|na|en|in|owner of|rival) X\b|\bX\s*\(?(?:ex|formerly|former|anciennement|ehemals|antes|ex-)`),
  ci('LinkedIn', String.raw`\blinked ?ins?\b`),
  ci('Google', String.raw`\bgoogles?\b|\bgemini\b|\bbard\b|\byoutube\b|\bgmail\b|\bdeepmind\b|\bandroid\b`),
  ci('Microsoft', String.raw`\bmicrosofts?\b|\bcopilot\b|\bskype\b`),
  cs('Microsoft', String.raw`\bBing\b|\bOutlook\b`),
  ci('Reddit', String.raw`\breddit\b`),
  cs('Slack', String.raw`\bSlack\b`),
  cs('Zoom', String.raw`\bZoom\b(?! in\b| out\b| lens)|\bZOOM\b`),
  ci('Adobe', String.raw`\badobe\b|\bfirefly\b|\bphotoshop\b|\bbehance\b`),
  ci('Snapchat', String.raw`\bsnapchat\b`),
  cs('Snapchat', String.raw`\bSnap\b(?= Inc|'s| says| will| is)`),
  ci('Automattic (Tumblr/WordPress)', String.raw`\btumblr\b|\bwordpress\b|\bautomattic\b`),
  ci('Quora', String.raw`\bquora\b`),
  ci('Stack Overflow', String.raw`\bstack ?overflow\b|\bstack exchange\b`),
  ci('OpenAI', String.raw`\bopen ?ais?\b|\bchat ?gpt\b|\bdall-?e\b|\bsora\b|\bgpt-?\d`),
  ci('Anthropic', String.raw`\banthropic\b|\bclaude\b`),
  ci('DeviantArt', String.raw`\bdeviant ?art\b`),
  ci('Medium', String.raw`\bmedium\.com\b|\bon medium\b|\bmedium (?:says|will|blog|posts|writers|ceo)\b`),
  ci('Substack', String.raw`\bsubstack\b`),
  cs('Discord', String.raw`\bDiscord\b`),
  ci('Telegram', String.raw`\btelegram\b`),
  ci('TikTok', String.raw`\btik ?tok\b|\bbytedance\b|\bcapcut\b`),
  ci('Amazon', String.raw`\bamazon\b|\balexa\b|\bring (?:camera|doorbell)s?\b`),
  ci('Apple', String.raw`\bapple\b|\bsiri\b|\biphone\b`),
  ci('Dropbox', String.raw`\bdropbox\b`),
  ci('WeTransfer', String.raw`\bwe ?transfer\b`),
  ci('Otter', String.raw`\botter(?:\.ai)?\b(?= ai| says| is| was| will|'s|,|\.| transcri| meeting| recorded| notetaker|\.ai)`),
  ci('Grammarly', String.raw`\bgrammarly\b`),
  ci('Figma', String.raw`\bfigma\b`),
  ci('Notion', String.raw`\bnotion\b(?= ai| says| will|'s| users)`),
  ci('GitHub', String.raw`\bgithub\b`),
  ci('Pinterest', String.raw`\bpinterest\b`),
  ci('Match Group (Tinder)', String.raw`\btinder\b|\bmatch group\b|\bhinge\b|\bbumble\b`),
  ci('Strava', String.raw`\bstrava\b`),
  ci('Spotify', String.raw`\bspotify\b`),
  ci('Midjourney', String.raw`\bmidjourney\b`),
  ci('Stability AI', String.raw`\bstability ai\b|\bstable diffusion\b`),
  ci('Clearview AI', String.raw`\bclearview\b`),
  ci('Samsung', String.raw`\bsamsung\b`),
  ci('Mistral AI', String.raw`\bmistral\b`),
  ci('Perplexity', String.raw`\bperplexity\b`),
  ci('DeepSeek', String.raw`\bdeepseek\b`),
  ci('Photobucket', String.raw`\bphotobucket\b`),
  ci('Shutterstock', String.raw`\bshutterstock\b`),
  ci('Getty Images', String.raw`\bgetty\b`),
  ci('Flickr', String.raw`\bflickr\b`),
  ci('Vimeo', String.raw`\bvimeo\b`),
  ci('SoundCloud', String.raw`\bsoundcloud\b`),
  ci('Duolingo', String.raw`\bduolingo\b`),
  ci('Character.AI', String.raw`\bcharacter\.?ai\b`),
];

export const REGULATORS: Alias[] = [
  ci('ICO', String.raw`\binformation commissioner'?s? office\b|\binformation commissioner\b`),
  cs('ICO', String.raw`\bICO\b`),
  ci('DPC', String.raw`\bdata protection commission\b|\birish (?:data protection|privacy) (?:regulator|watchdog|authority|commission)|\birish dpc\b|\bcommission (?:irlandaise )?(?:de|pour la) protection des donnees\b|\birische\w* datenschutz\w*|\bautoridad irlandesa\b|\bgarante irlandese\b|\bierse privacytoezichthouder|\bierse toezichthouder|\bregulador irlandes\b|\bregulateur irlandais\b|\bgendarme irlandais\b|\bautorite irlandaise\b|\bautoridade irlandesa\b`),
  cs('DPC', String.raw`\bDPC\b`),
  ci('CNIL', String.raw`\bcnil\b`),
  ci('EDPB', String.raw`\beuropean data protection board\b|\bedpb\b|\bcomite europeen de la protection des donnees\b|\bcepd\b|\beuropaische\w* datenschutzausschuss\b|\bedsa\b|\bcomite europeo de proteccion de datos\b|\bcomitato europeo per la protezione dei dati\b|\beuropees comite voor gegevensbescherming\b|\bcomite europeu (?:para a |de )protecao de dados\b|\beuropese privacytoezichthouders\b`),
  ci('DSK (DE)', String.raw`\bdatenschutzkonferenz\b`),
  ci('EDPS', String.raw`\beuropean data protection supervisor\b|\bedps\b|\bcontroleur europeen de la protection des donnees\b`),
  ci('Garante', String.raw`\bgarante (?:per la protezione dei dati|della privacy|privacy)\b|\bitalian (?:data protection|privacy) (?:authority|regulator|watchdog|agency)\b|\bitaly'?s (?:data protection|privacy) (?:authority|regulator|watchdog|agency)\b`),
  cs('Garante', String.raw`\bGarante\b(?! que)`),
  ci('AEPD', String.raw`\baepd\b|\bagencia espanola de proteccion de datos\b|\bspanish data protection agency\b`),
  ci('AP', String.raw`\bautoriteit persoonsgegevens\b|\bdutch (?:data protection|privacy) (?:authority|regulator|watchdog)\b`),
  cs('AP', String.raw`\bde AP\b|\bAP (?:waarschuwt|roept|adviseert|zegt|publiceert|stelt|onderzoekt|legt|beboet|start|vindt|wil|eist)\b|\bAP:`),
  ci('HmbBfDI', String.raw`\bhmbbfdi\b|\bhamburg\w* (?:data protection|datenschutz\w*)|\bhamburg commissioner\b`),
  ci('BfDI', String.raw`\bbfdi\b|\bbundesdatenschutzbeauftragt\w*|\bfederal commissioner for data protection\b`),
  ci('LfDI / state DPA (DE)', String.raw`\blfdi\b|\blandesdatenschutzbeauftragt\w*|\bbaylda\b|\bverbraucherzentrale nrw\b`),
  ci('ANPD', String.raw`\banpd\b|\bautoridade nacional de protecao de dados\b|\bbrazil'?s? (?:data protection|privacy) (?:authority|regulator|agency|watchdog)\b`),
  ci('FTC', String.raw`\bftc\b|\bfederal trade commission\b`),
  ci('OAIC', String.raw`\boaic\b|\baustralian information commissioner\b`),
  ci('OPC', String.raw`\boffice of the privacy commissioner of canada\b|\bprivacy commissioner of canada\b`),
  cs('OPC', String.raw`\bOPC\b`),
  ci('CNPD', String.raw`\bcnpd\b|\bcomissao nacional de protecao de dados\b`),
  ci('Datatilsynet', String.raw`\bdatatilsynet\b`),
  ci('IMY', String.raw`\bimy\b(?=\W)|\bswedish (?:data protection|privacy) (?:authority|regulator)\b`),
  ci('APD/GBA (BE)', String.raw`\bautorite de protection des donnees\b|\bgegevensbeschermingsautoriteit\b`),
  ci('European Commission', String.raw`\beuropean commission\b|\bcommission europeenne\b|\beu-kommission\b|\beuropaische kommission\b|\bcomision europea\b|\bcommissione europea\b|\beuropese commissie\b|\bcomissao europeia\b`),
];

/** Advocacy groups: reported in reasons, not as regulators. */
export const ADVOCACY: Alias[] = [
  ci('noyb', String.raw`\bnoyb\b|\bnone of your business\b`),
  ci('BEUC', String.raw`\bbeuc\b|\beuropean consumer organisation\b`),
  ci('Open Rights Group', String.raw`\bopen rights group\b`),
  ci('EFF', String.raw`\belectronic frontier foundation\b|\beff\b`),
  ci('Idec', String.raw`\bidec\b`),
  ci('La Quadrature du Net', String.raw`\bquadrature du net\b`),
  ci('Bits of Freedom', String.raw`\bbits of freedom\b`),
  ci('Privacy International', String.raw`\bprivacy international\b`),
  ci('Consumentenbond', String.raw`\bconsumentenbond\b`),
  ci('EPIC', String.raw`\belectronic privacy information center\b`),
  ci('consumer or privacy group', String.raw`\bconsumer (?:groups?|organi[sz]ations?|advocates|bod(?:y|ies)|protection (?:groups?|bod(?:y|ies)|associations?))\b|\bprivacy (?:groups?|campaigners|activists|advocates)\b|\bdigital rights (?:groups?|organi[sz]ations?)\b|\bverbraucherschutz\w*|\bverbraucherzentrale\w*|\bassociations? de (?:consommateurs|defense)\b|\basociaci\w+ de consumidores\b|\bassociazion\w+ (?:dei )?consumatori\b|\bconsumentenorganisatie\w*|\bassociac\w+ de (?:consumidores|defesa)\b|\bdefesa do consumidor\b`),
];

export const REGIONS: Alias[] = [
  cs('EU', String.raw`\b(?:EU|UE|E\.U\.)\b`),
  ci('EU', String.raw`\beuropean union\b|\beurope\b|\beuropean\b|\beuropeans\b|\beurop[ae]\b|\beurop\w+ (?:users|nutzer|utilisateurs|usuarios|utenti|gebruikers|utilizadores)\b|\beuropeens?\b|\beuropaische\w* union\b|\beuropaer\w*\b|\bunion europe\w*\b|\bunione europea\b|\beuropese unie\b|\beuropeanen\b|\beuropeus\b|\beuropei\b|\beuropeos\b`),
  ci('EEA', String.raw`\beea\b|\beuropean economic area\b|\bespace economique europeen\b|\beee\b|\bewr\b|\bespacio economico europeo\b|\bspazio economico europeo\b|\beer\b`),
  cs('UK', String.raw`\bUK\b|\bU\.K\.`),
  ci('UK', String.raw`\bunited kingdom\b|\bbritain\b|\bbritish\b|\bengland\b|\broyaume-uni\b|\bgrossbritannien\b|\breino unido\b|\bregno unito\b|\bverenigd koninkrijk\b|\bbritanni\w+\b|\bbrits\b`),
  ci('CH', String.raw`\bswitzerland\b|\bswiss\b|\bsuisse\b|\bschweiz\w*\b|\bsuiza\b|\bsvizzera\b|\bzwitserland\b|\bsuica\b`),
  cs('US', String.raw`\b(?:US|U\.S\.|USA|EUA|EE\.UU\.)(?=\W|$)`),
  ci('US', String.raw`\bunited states\b|\bamerican users\b|\bamericans\b|\betats-unis\b|\bvereinigten staaten\b|\busa\b|\bestados unidos\b|\bstati uniti\b|\bverenigde staten\b|\bcalifornia\b|\billinois\b`),
  ci('BR', String.raw`\bbrazil\w*\b|\bbresil\w*\b|\bbrasil\w*\b`),
  ci('CA', String.raw`\bcanada\b|\bcanadian\w*\b|\bkanada\b`),
  ci('AU', String.raw`\baustralia\w*\b|\baustralie\b|\baustralien\b`),
  ci('IE', String.raw`\bireland\b|\birish\b|\birlande\b|\birland\b|\birlanda\b|\bierland\b`),
  ci('FR', String.raw`\bfrance\b|\bfrankreich\b|\bfrancia\b|\bfrankrijk\b|\bfranca\b`),
  ci('DE', String.raw`\bgermany\b|\ballemagne\b|\bdeutschland\b|\balemania\b|\bgermania\b|\bduitsland\b|\balemanha\b`),
  ci('IT', String.raw`\bitaly\b|\bitalian\b|\bitalie\b|\bitalien\b|\bitalia\b|\bitalie\b|\bitalia\b`),
  ci('ES', String.raw`\bspain\b|\bspanish\b|\bespagne\b|\bspanien\b|\bespana\b|\bspagna\b|\bspanje\b|\bespanha\b`),
  ci('NL', String.raw`\bnetherlands\b|\bdutch\b|\bpays-bas\b|\bniederlande\b|\bpaises bajos\b|\bpaesi bassi\b|\bnederland\b|\bholanda\b`),
  ci('PT', String.raw`\bportugal\b`),
  ci('IN', String.raw`\bindia\b|\binde\b|\bindien\b`),
  ci('KR', String.raw`\bsouth korea\w*\b|\bcoree du sud\b|\bsudkorea\b|\bcorea del sur\b`),
  ci('JP', String.raw`\bjapan\w*\b|\bjapon\b`),
];

/** Platforms whose main asset is what users post: deals with AI firms are about that content. */
export const UGC_PLATFORMS = new Set([
  'Reddit', 'Stack Overflow', 'Automattic (Tumblr/WordPress)', 'Quora', 'X', 'Photobucket', 'Shutterstock',
  'DeviantArt', 'Medium', 'Flickr', 'Pinterest', 'Meta (WhatsApp)', 'Meta (Facebook)', 'Meta (Instagram)', 'Meta (Threads)', 'LinkedIn',
]);

interface Compiled {
  re: RegExp;
  names: string[]; // capture group i+1 → alias name
}

// One scan per table instead of one per alias: each alias becomes a capture group
// of a single alternation (case-insensitive and case-sensitive ones apart).
const compiled = new WeakMap<Alias[], Compiled[]>();
function compile(table: Alias[]): Compiled[] {
  let c = compiled.get(table);
  if (c) return c;
  c = [];
  for (const sensitive of [false, true]) {
    const part = table.filter((a) => a.re.ignoreCase !== sensitive);
    if (!part.length) continue;
    c.push({ re: new RegExp(part.map((a) => `(${a.re.source})`).join('|'), sensitive ? 'g' : 'gi'), names: part.map((a) => a.name) });
  }
  compiled.set(table, c);
  return c;
}

/** True when any alias of the table occurs in the text (one scan per case mode). */
export function anyMatch(table: Alias[], text: string): boolean {
  for (const { re } of compile(table)) {
    re.lastIndex = 0;
    if (re.test(text)) return true;
  }
  return false;
}

/** Names of every match, de-duplicated, in table order. */
export function findAll(table: Alias[], text: string): string[] {
  const found = new Set<string>();
  for (const { re, names } of compile(table)) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      for (let i = 1; i < m.length; i++) {
        if (m[i] !== undefined) {
          found.add(names[i - 1] as string);
          break;
        }
      }
    }
  }
  const order = new Map<string, number>();
  table.forEach((a, i) => order.has(a.name) || order.set(a.name, i));
  return [...found].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
}
