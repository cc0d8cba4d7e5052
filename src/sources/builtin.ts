// The built-in registry, from /work/shared/sources-facts.md. Each entry says
// why we believe its URL (evidence); firehose feeds are kept but disabled where
// a privacy/AI topic feed of the same site exists.
import type { Source, SourceKind, HtmlRecipe } from '../domain.js';
import { googleNewsSource } from './google-news.js';

type Def = [id: string, name: string, url: string, kind: SourceKind, jurisdiction: string, lang: string, evidence: string, enabled?: boolean];

const feed = ([id, name, url, kind, jurisdiction, lang, evidence, enabled = true]: Def): Source => ({
  id, name, url, type: 'feed', kind, jurisdiction, lang, enabled, evidence,
});

const html = (def: Def, recipe: HtmlRecipe): Source => ({ ...feed(def), type: 'html', html: recipe });

/** Other addresses of the same feed from sources-facts.md, tried when the main one is gone. */
const ALTERNATES: Record<string, string[]> = {
  'noyb': ['https://noyb.eu/en/rss'],
  'ico-enforcement': ['https://cy.ico.org.uk/global/rss-feeds/enforcement/'],
  'heise': ['https://www.heise.de/newsticker/heise-atom.xml'],
  'golem': ['https://www.golem.de/rss.php?feed=ATOM1.0'],
  'tecnoblog': ['https://feeds.feedburner.com/tecnoblog'],
};

const NEWS: Def[] = [
  ['techcrunch-privacy', 'TechCrunch – Privacy', 'https://techcrunch.com/category/privacy/feed/', 'news', 'US', 'en', '[client] calibre techcrunch.recipe'],
  ['techcrunch-ai', 'TechCrunch – AI', 'https://techcrunch.com/category/artificial-intelligence/feed/', 'news', 'US', 'en', '[client] calibre techcrunch.recipe'],
  ['techcrunch-policy', 'TechCrunch – Policy', 'https://techcrunch.com/category/government-policy/feed/', 'news', 'US', 'en', '[client] calibre techcrunch.recipe'],
  ['techcrunch', 'TechCrunch', 'https://techcrunch.com/feed/', 'news', 'US', 'en', '[client] calibre; [probe] 200 valid 2026-02-19', false],
  ['verge-ai', 'The Verge – AI', 'https://www.theverge.com/rss/ai-artificial-intelligence/index.xml', 'news', 'US', 'en', '[lists]'],
  ['verge-policy', 'The Verge – Policy', 'https://www.theverge.com/rss/policy/index.xml', 'news', 'US', 'en', '[lists]'],
  ['verge', 'The Verge', 'https://www.theverge.com/rss/index.xml', 'news', 'US', 'en', '[client] calibre the_verge.recipe; [probe] 200 valid 2026-02-19', false],
  ['ars-policy', 'Ars Technica – Tech Policy', 'https://feeds.arstechnica.com/arstechnica/tech-policy', 'news', 'US', 'en', '[client] calibre ars_technica.recipe'],
  ['ars-ai', 'Ars Technica – AI', 'https://arstechnica.com/ai/feed/', 'news', 'US', 'en', '[single] test note "works", 20 items'],
  ['ars', 'Ars Technica', 'https://feeds.arstechnica.com/arstechnica/index', 'news', 'US', 'en', '[client] calibre, Liferea', false],
  ['wired-ai', 'Wired – AI', 'https://www.wired.com/feed/tag/ai/latest/rss', 'news', 'US', 'en', '[lists]; asserted as verified endpoint in one test'],
  ['wired-security', 'Wired – Security', 'https://www.wired.com/feed/category/security/latest/rss', 'news', 'US', 'en', '[client] calibre wired_daily.recipe'],
  ['wired', 'Wired', 'https://www.wired.com/feed/rss', 'news', 'US', 'en', '[client] calibre; [probe] 200 valid 2026-02-19', false],
  ['404media', '404 Media', 'https://www.404media.co/rss/', 'news', 'US', 'en', '[lists] (Ghost)'],
  ['register-ai', 'The Register – AI/ML', 'https://www.theregister.com/software/ai_ml/headlines.atom', 'news', 'UK', 'en', '[lists]'],
  ['register', 'The Register', 'https://www.theregister.com/headlines.atom', 'news', 'UK', 'en', '[lists]', false],
  ['engadget', 'Engadget', 'https://www.engadget.com/rss.xml', 'news', 'US', 'en', '[client] calibre; [probe] 200 valid 2026-02-19'],
  ['zdnet-ai', 'ZDNet – AI', 'https://www.zdnet.com/topic/artificial-intelligence/rss.xml', 'news', 'US', 'en', '[lists]'],
  ['zdnet', 'ZDNet', 'https://www.zdnet.com/news/rss.xml', 'news', 'US', 'en', '[probe] 200 valid 2026-02-19', false],
  ['venturebeat-ai', 'VentureBeat – AI', 'https://venturebeat.com/category/ai/feed/', 'news', 'US', 'en', '[lists]'],
  ['venturebeat', 'VentureBeat', 'https://venturebeat.com/feed/', 'news', 'US', 'en', '[probe] 200 valid 2026-02-19', false],
  ['mittr-ai', 'MIT Technology Review – AI', 'https://www.technologyreview.com/topic/artificial-intelligence/feed', 'news', 'US', 'en', '[lists]'],
  ['mittr', 'MIT Technology Review', 'https://www.technologyreview.com/feed/', 'news', 'US', 'en', '[lists]', false],
  ['bbc-tech', 'BBC News – Technology', 'https://feeds.bbci.co.uk/news/technology/rss.xml', 'news', 'UK', 'en', '[client] calibre bbc.recipe; entries captured 2025-02-04'],
  ['guardian-ai', 'The Guardian – AI', 'https://www.theguardian.com/technology/artificialintelligenceai/rss', 'news', 'UK', 'en', '[lists]'],
  ['guardian-dataprotection', 'The Guardian – Data protection', 'https://www.theguardian.com/technology/data-protection/rss', 'news', 'UK', 'en', '[single]; sibling section feeds 200 valid 2026-02-19'],
  ['guardian-tech', 'The Guardian – Technology', 'https://www.theguardian.com/uk/technology/rss', 'news', 'UK', 'en', '[lists]; run log shows it fetched', false],
  ['heise', 'heise online', 'https://www.heise.de/rss/heise-atom.xml', 'news', 'DE', 'de', '[probe] 200 valid 2026-02-19'],
  ['heise-netzpolitik', 'heise – Netzpolitik', 'https://www.heise.de/rss/heise-Rubrik-Netzpolitik.rdf', 'news', 'DE', 'de', '[single] (RDF)'],
  ['netzpolitik', 'netzpolitik.org', 'https://netzpolitik.org/feed/', 'news', 'DE', 'de', '[client] calibre netzpolitik.recipe; [lists]'],
  ['netzpolitik-datenschutz', 'netzpolitik.org – Datenschutz', 'https://netzpolitik.org/category/datenschutz/feed/', 'news', 'DE', 'de', 'pattern: WordPress category-feed scheme, never seen', false],
  ['golem-politik', 'Golem.de – Politik/Recht', 'https://rss.golem.de/rss.php?tp=pol&feed=RSS2.0', 'news', 'DE', 'de', '[client] calibre golem_de.recipe (https form)'],
  ['golem-security', 'Golem.de – Security', 'https://rss.golem.de/rss.php?tp=sec&feed=RSS2.0', 'news', 'DE', 'de', '[client] calibre golem_de.recipe (https form)', false],
  ['golem', 'Golem.de', 'https://rss.golem.de/rss.php?feed=RSS2.0', 'news', 'DE', 'de', '[lists]', false],
  ['numerama', 'Numerama', 'https://www.numerama.com/feed/', 'news', 'FR', 'fr', '[lists]'],
  ['next', 'Next', 'https://next.ink/feed/', 'news', 'FR', 'fr', '[lists]; /feed/free keeps only non-paywalled articles'],
  ['01net', '01net', 'https://www.01net.com/feed/', 'news', 'FR', 'fr', '[lists]'],
  ['lemonde-pixels', 'Le Monde – Pixels', 'https://www.lemonde.fr/pixels/rss_full.xml', 'news', 'FR', 'fr', '[lists]; sibling section feeds 200 valid 2026-02-19'],
  ['xataka', 'Xataka', 'https://www.xataka.com/feedburner.xml', 'news', 'ES', 'es', '[lists]'],
  ['tweakers', 'Tweakers – Nieuws', 'https://tweakers.net/feeds/nieuws.xml', 'news', 'NL', 'nl', '[client] calibre tweakers_net.recipe'],
  ['tweakers-mixed', 'Tweakers', 'https://tweakers.net/feeds/mixed.xml', 'news', 'NL', 'nl', '[probe] 200 valid 40 items 2026-02-23', false],
  ['tecnoblog', 'Tecnoblog', 'https://tecnoblog.net/feed/', 'news', 'BR', 'pt', '[lists]'],
];

const REGULATORS: Def[] = [
  ['ico-enforcement', 'UK ICO – Enforcement', 'https://ico.org.uk/global/rss-feeds/enforcement/', 'regulator', 'UK', 'en', 'scraper module Apr 2026 calls it "confirmed working"; Welsh mirror cy.ico.org.uk as fallback'],
  ['cnil', 'CNIL', 'https://www.cnil.fr/fr/rss.xml', 'regulator', 'FR', 'fr', '[probe] valid, 10 items, 2026-09-17'],
  ['cnil-en', 'CNIL (English)', 'https://www.cnil.fr/en/rss.xml', 'regulator', 'FR', 'en', '[lists]'],
  ['edpb', 'EDPB – News', 'https://www.edpb.europa.eu/feed/news_en', 'regulator', 'EU', 'en', 'rel=alternate on the homepage; [probe] 10 items 2026-09-11'],
  ['edpb-publications', 'EDPB – Publications', 'https://www.edpb.europa.eu/feed/publications_en', 'regulator', 'EU', 'en', 'rel=alternate on the homepage'],
  ['edps', 'EDPS – News', 'https://www.edps.europa.eu/feed/news_en', 'regulator', 'EU', 'en', '[probe] 2026-09-15; 200 application/rss+xml 2026-05-19; >1000 entities'],
  ['garante', 'Garante per la protezione dei dati personali', 'https://www.garanteprivacy.it/o/gpdp-rss/rss?t=news', 'regulator', 'IT', 'it', '[probe] autodiscovered, 10 items, 2026-09-16'],
  ['aepd', 'AEPD', 'https://www.aepd.es/noticias/feed.xml', 'regulator', 'ES', 'es', '[probe] 25 items, 2026-09-09'],
  ['ap-nl', 'Autoriteit Persoonsgegevens', 'https://autoriteitpersoonsgegevens.nl/feed/article/rss.xml', 'regulator', 'NL', 'nl', '[probe] 10 items, 2026-09-15'],
  ['ap-nl-en', 'Autoriteit Persoonsgegevens (English)', 'https://autoriteitpersoonsgegevens.nl/en/feed/article/rss.xml', 'regulator', 'NL', 'en', '[probe] 10 items, 2026-08-21'],
  ['bfdi', 'BfDI', 'https://www.bfdi.bund.de/SiteGlobals/Functions/RSSFeed/Allgemein/rssnewsfeed.xml?nn=252136&archiv=true', 'regulator', 'DE', 'de', '[probe] autodiscovered, 30 items, 2026-09-11'],
  ['imy', 'IMY (Sweden)', 'https://www.imy.se/nyheter/rss', 'regulator', 'SE', 'sv', '[probe] autodiscovered, 214 items, 2026-09-18'],
  ['ftc', 'US FTC – Press releases', 'https://www.ftc.gov/feeds/press-release.xml', 'regulator', 'US', 'en', '[lists]'],
  ['ftc-consumer', 'US FTC – Consumer protection', 'https://www.ftc.gov/feeds/press-release-consumer-protection.xml', 'regulator', 'US', 'en', 'feedvalidator.org: valid RSS 2.0, May 2024 item'],
  ['opc', 'OPC Canada – News', 'https://www.priv.gc.ca/en/rss/news/', 'regulator', 'CA', 'en', '[lists]; a test resolves its relative item links'],
  ['opc-pipeda', 'OPC Canada – PIPEDA findings', 'https://www.priv.gc.ca/en/rss/pipeda/', 'regulator', 'CA', 'en', 'a test parses a real saved sample'],
  ['anpd', 'ANPD (Brazil) – Notícias', 'https://www.gov.br/anpd/pt-br/assuntos/noticias/RSS', 'regulator', 'BR', 'pt', 'candidate: Plone folder /RSS, seen once in a curl example, untested; portal-level /RSS confirmed'],
];

const ADVOCACY: Def[] = [
  ['noyb', 'noyb', 'https://noyb.eu/en/rss.xml', 'advocacy', 'EU', 'en', '[lists] (variant https://noyb.eu/en/rss also seen)'],
  ['eff', 'EFF Deeplinks', 'https://www.eff.org/rss/updates.xml', 'advocacy', 'US', 'en', '[probe] 200, 50 items, 2026-04-30'],
  ['openrightsgroup', 'Open Rights Group', 'https://www.openrightsgroup.org/feed/', 'advocacy', 'UK', 'en', "ORG's own page links its RSS icon here; [lists]"],
  ['edri', 'EDRi', 'https://edri.org/feed/', 'advocacy', 'EU', 'en', '[lists] (WordPress)'],
  ['privacyinternational', 'Privacy International', 'https://privacyinternational.org/rss.xml', 'advocacy', 'INT', 'en', '[probe] 200, 10 items, 2026-04-30'],
  ['laquadrature', 'La Quadrature du Net', 'https://www.laquadrature.net/feed/', 'advocacy', 'FR', 'fr', '[lists]'],
  ['epicenter-works', 'epicenter.works – Documents', 'https://epicenter.works/rss/dokumente.feed.xml', 'advocacy', 'AT', 'de', '[probe] parsed as RSS 2.0, 2026-09-28'],
  ['accessnow', 'Access Now', 'https://www.accessnow.org/feed/', 'advocacy', 'INT', 'en', '[probe] 200, 15 items, 2026-04-30'],
];

/** Sites without feeds. Only the Irish DPC markup is documented; the others are best guesses. */
const SCRAPED: Source[] = [
  html(['dpc-ie', 'Irish Data Protection Commission – Latest news', 'https://www.dataprotection.ie/en/news-media/latest-news', 'regulator', 'IE', 'en',
    'no feed ([probe] 2026-09-18); listing markup from GDPRxiv/crawler (Feb 2022)'],
    { item: 'div.view-content div.item-list li article, div.view-content article', title: 'h2', link: 'h2 a', date: 'p.date, time' }),
  html(['dpc-ie-press', 'Irish Data Protection Commission – Press releases', 'https://www.dataprotection.ie/en/news-media/press-releases', 'regulator', 'IE', 'en',
    'no feed; same Drupal site as latest-news'],
    { item: 'div.view-content div.item-list li article, div.view-content article', title: 'h2', link: 'h2 a', date: 'p.date, time' }),
  html(['cppa', 'California Privacy Protection Agency – Announcements', 'https://cppa.ca.gov/announcements/', 'regulator', 'US-CA', 'en',
    'no feed found; permalinks /announcements/YYYY/YYYYMMDD.html carry the date; selectors unverified'],
    { item: 'main li:has(a[href*="/announcements/20"]), main p:has(a[href*="/announcements/20"])', title: 'a[href*="/announcements/20"]' }),
  html(['oaic', 'OAIC (Australia) – Newsroom', 'https://www.oaic.gov.au/newsroom', 'regulator', 'AU', 'en',
    '/newsroom/feed 404 and /rss/news empty per other projects; items at /newsroom/<slug>; selectors unverified'],
    { item: 'article:has(a[href*="/newsroom/"]), li:has(> a[href*="/newsroom/"])', title: 'h2, h3, a[href*="/newsroom/"]', date: 'time' }),
  html(['datatilsynet-no', 'Datatilsynet (Norway) – Aktuelt', 'https://www.datatilsynet.no/aktuelt/', 'regulator', 'NO', 'no',
    'no official feed (watcher doc 2026-05-19); items under /aktuelt/aktuelle-nyheter-YYYY/; selectors unverified; check robots.txt', false],
    { item: 'article:has(a[href*="/aktuelle-nyheter-"]), li:has(a[href*="/aktuelle-nyheter-"])', title: 'h2, h3, a[href*="/aktuelle-nyheter-"]', date: 'time' }),
  html(['hmbbfdi', 'HmbBfDI (Hamburg) – News', 'https://datenschutz-hamburg.de/news', 'regulator', 'DE-HH', 'de',
    'pattern: listing URL never seen; articles at /news/<slug>; selectors unverified', false],
    { item: 'article:has(a[href*="/news/"]), li:has(a[href*="/news/"])', title: 'h2, h3, a[href*="/news/"]', date: 'time' }),
];

const GOOGLE_NEWS: Source[] = [
  googleNewsSource('gnews-en-us', 'Google News – AI training & personal data (EN/US)', { q: '"AI training" ("personal data" OR privacy OR "opt out") when:3d', lang: 'en-US', region: 'US' }),
  googleNewsSource('gnews-en-gb', 'Google News – AI training & personal data (EN/GB)', { q: '"AI training" ("personal data" OR privacy OR "opt out") when:3d', lang: 'en-GB', region: 'GB' }),
  googleNewsSource('gnews-fr', 'Google News – IA entraînement données (FR)', { q: '(IA OR "intelligence artificielle") entraînement "données personnelles" when:3d', lang: 'fr', region: 'FR' }),
  googleNewsSource('gnews-de', 'Google News – KI-Training Daten (DE)', { q: '(KI-Training OR "KI trainieren") (Daten OR Datenschutz OR Widerspruch) when:3d', lang: 'de', region: 'DE' }),
  googleNewsSource('gnews-es', 'Google News – IA entrenamiento datos (ES)', { q: '"entrenar" IA "datos personales" when:3d', lang: 'es', region: 'ES' }, { enabled: false }),
  googleNewsSource('gnews-nl', 'Google News – AI-training gegevens (NL)', { q: 'AI trainen persoonsgegevens when:3d', lang: 'nl', region: 'NL' }, { enabled: false }),
  googleNewsSource('gnews-pt-br', 'Google News – treinamento IA dados (BR)', { q: 'treinar IA "dados pessoais" when:3d', lang: 'pt-BR', region: 'BR' }, { enabled: false }),
];

export function builtinSources(): Source[] {
  const all = [
    ...NEWS.map(feed),
    ...REGULATORS.map(feed),
    ...ADVOCACY.map(feed),
    ...SCRAPED.map((s) => ({ ...s, html: { ...s.html! } })),
    ...GOOGLE_NEWS.map((s) => ({ ...s, query: { ...s.query! } })),
  ];
  for (const s of all) {
    const alt = ALTERNATES[s.id];
    if (alt) s.alternates = [...alt];
  }
  return all;
}
