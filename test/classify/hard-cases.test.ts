import { describe, expect, it } from 'vitest';
import { classify, DEFAULT_THRESHOLD } from '../../src/classify/index.js';

const rel = (title: string, summary?: string, lang?: string) => classify({ title, summary, lang });

describe('denials and negations are relevant (they are about training on user data)', () => {
  it.each([
    ["X says it does not train Grok on EU users' messages"],
    ['Zoom says it will not use customer audio, video or chat to train AI models'],
    ["Adobe says no, it's not using your images to train AI art generators"],
    ['Microsoft denies using Word and Excel documents to train AI models'],
    ['Slack clarifies: we do not train large language models on customer data'],
  ])('%s', (title) => {
    expect(rel(title).relevant).toBe(true);
  });

  it.each([
    ['Zoom promet de ne pas utiliser vos appels pour entraîner son IA sans consentement', 'fr'],
    ['WeTransfer rudert zurück: Hochgeladene Dateien werden nicht für KI-Training genutzt', 'de'],
    ['Microsoft niega usar los documentos de sus clientes para entrenar sus modelos de IA', 'es'],
    ['Adobe chiarisce: i contenuti degli utenti non vengono usati per addestrare Firefly', 'it'],
    ['Microsoft ontkent dat Word-documenten worden gebruikt om AI te trainen', 'nl'],
    ['Zoom diz que não usará chamadas de clientes para treinar IA sem consentimento', 'pt'],
  ])('%s (%s)', (title, lang) => {
    const d = rel(title);
    expect(d.relevant).toBe(true);
    expect(d.lang).toBe(lang);
  });
});

describe('same company, different story', () => {
  it.each([
    ['Meta fined record €1.2 billion for sending EU user data to the US'],
    ['LinkedIn cuts 668 jobs in second round of layoffs this year'],
    ['Reddit shares soar in stock market debut'],
    ['Twitter rebrands as X, replacing the blue bird logo'],
    ['Google unveils Gemini 2.5 with improved reasoning'],
    ['Irish DPC fines LinkedIn €310 million over targeted advertising'],
    ['Meta launches Threads, a Twitter rival, in the US'],
  ])('%s', (title) => {
    expect(rel(title).relevant).toBe(false);
  });

  it('the same platform is relevant when the story is about training on its users', () => {
    expect(rel("LinkedIn is quietly training AI on members' posts").relevant).toBe(true);
    expect(rel("LinkedIn launches AI job search tool for Premium members").relevant).toBe(false);
  });
});

describe('AI and privacy words in unrelated senses', () => {
  it.each([
    ['Train drivers strike again over pay, disrupting rail services'],
    ['How to train your dog using positive reinforcement'],
    ['Privacy screens for laptops: the best options this year'],
    ['Police arrest man for lying about a train crash using ChatGPT'],
    ['Facebook’s new Reels controls help fine-tune what videos you see'],
    ['Data centre boom strains power grids as AI training demand grows'],
    ['Nvidia unveils Blackwell GPUs for training trillion-parameter models'],
    ['Bahnstreik: GDL legt Zugverkehr lahm'],
    ['Huelga de maquinistas de Renfe: trenes cancelados'],
  ])('%s', (title) => {
    expect(rel(title).relevant).toBe(false);
  });

  it('a feature story that mentions training only in passing is not an alert', () => {
    const d = rel(
      'With the help of OpenAI, Discord is adding conversation summaries',
      'The feature condenses long threads. Discord says it is not sharing user data with OpenAI to train its models.',
    );
    expect(d.relevant).toBe(false);
  });
});

describe('accents and case', () => {
  it.each([
    ['MÉTA VA ENTRAÎNER SON IA AVEC VOS DONNÉES PERSONNELLES'],
    ['meta va entrainer son ia avec vos donnees personnelles'],
    ['Meta va entraîner son IA avec vos données personnelles'],
  ])('%s', (title) => {
    const d = rel(title, undefined, 'fr');
    expect(d.relevant).toBe(true);
    expect(d.lang).toBe('fr');
  });

  it('German umlauts and ß fold the same way', () => {
    expect(rel('Meta darf Nutzerdaten für KI-Training verwenden, entschied das Gericht').relevant).toBe(true);
    expect(rel('META DARF NUTZERDATEN FÜR KI-TRAINING VERWENDEN, ENTSCHIED DAS GERICHT', undefined, 'de').relevant).toBe(true);
  });
});

describe('title-only items', () => {
  it.each([
    ["Meta to train AI on EU users' public posts from 27 May", 'en'],
    ['LinkedIn va utiliser vos données pour entraîner son IA', 'fr'],
    ['So widersprechen Sie der Nutzung Ihrer Daten für Metas KI-Training', 'de'],
    ['Cómo evitar que Meta entrene su inteligencia artificial con tus fotos', 'es'],
    ["Meta userà i post degli utenti per addestrare l'IA: come opporsi", 'it'],
    ['LinkedIn traint AI met jouw gegevens: zo zet je het uit', 'nl'],
    ['ANPD suspende política da Meta que permitia usar dados pessoais para treinar IA', 'pt'],
  ])('%s', (title, lang) => {
    const d = rel(title);
    expect(d.relevant).toBe(true);
    expect(d.lang).toBe(lang);
  });
});

describe('decision fields', () => {
  it('canonical platforms keep the Meta product; Twitter/Grok become X', () => {
    expect(rel('Instagram and Facebook posts will train Meta AI').platforms).toEqual(
      expect.arrayContaining(['Meta (Facebook)', 'Meta (Instagram)']),
    );
    expect(rel('Grok was trained on your tweets; here is how to turn it off').platforms).toContain('X');
    expect(rel('X (formerly Twitter) will use posts to train Grok').platforms).toEqual(['X']);
  });

  it('regulators, advocacy and regions', () => {
    const d = rel(
      'Irish DPC takes X to court over training Grok on EU users’ posts',
      'The Data Protection Commission asked the High Court to stop processing. noyb filed complaints in nine countries; UK users are not covered.',
    );
    expect(d.regulators).toContain('DPC');
    expect(d.regions).toEqual(expect.arrayContaining(['EU', 'UK']));
    expect(d.reasons.some((r) => r.concept.includes('noyb'))).toBe(true);
    expect(rel('La CNIL publie ses recommandations sur l’entraînement des IA avec des données personnelles').regulators).toContain('CNIL');
    expect(rel('Autoriteit Persoonsgegevens: maak bezwaar tegen AI-training door Meta').regulators).toContain('AP');
    expect(rel('Garante privacy: OpenAI addestrava ChatGPT con i dati degli utenti senza base giuridica').regulators).toContain('Garante');
    expect(rel('ANPD suspende treinamento de IA da Meta com dados de brasileiros').regions).toContain('BR');
  });

  it('ordinary words are not platforms', () => {
    expect(rel('La meta de la empresa es entrenar su IA con datos públicos', undefined, 'es').platforms).not.toContain('Meta');
    expect(rel('Tesla Model X will get a new camera to train its driving AI').platforms).not.toContain('X');
    expect(rel('How to zoom in and cut some slack when you sow discord').platforms).toEqual([]);
  });

  it('"AP" alone (Associated Press) is not the Dutch regulator', () => {
    expect(rel('OpenAI signs licensing deal with AP for news archive').regulators).not.toContain('AP');
  });

  it('Portuguese "eu" (I) is not the EU', () => {
    expect(rel('Eu não quero que a Meta use minhas fotos para treinar IA', undefined, 'pt').regions).not.toContain('EU');
  });

  it('grey zone is flagged and explained', () => {
    const d = rel('New York Times sues OpenAI and Microsoft over use of its articles to train chatbots');
    expect(d.greyZone).toBe(true);
    expect(d.reasons.some((r) => r.concept.startsWith('grey zone'))).toBe(true);
    expect(rel('Cloudflare now blocks AI crawlers by default').greyZone).toBe(true);
    expect(rel('Clearview AI fined for scraping billions of faces for facial recognition').greyZone).toBe(true);
  });

  it('reasons name the concepts and quote the sentence', () => {
    const d = rel(
      'LinkedIn changes its privacy policy',
      '<p>The company said on Wednesday that it had already been <b>using members&#8217; posts</b> to train its generative AI models. Members can opt out in settings.</p>',
    );
    expect(d.relevant).toBe(true);
    const first = d.reasons[0];
    expect(first?.concept).toMatch(/AI training and people's data/);
    expect(first?.evidence).toBe("The company said on Wednesday that it had already been using members' posts to train its generative AI models.");
    expect(d.reasons.some((r) => r.concept.startsWith('AI training:'))).toBe(true);
  });

  it('score is in 0..1, threshold is configurable, output is deterministic', () => {
    const input = { title: 'Reddit signs AI content licensing deal with Google' };
    const a = classify(input);
    expect(a.score).toBeGreaterThanOrEqual(0);
    expect(a.score).toBeLessThanOrEqual(1);
    expect(classify(input)).toEqual(a);
    expect(classify(input, { threshold: 0.99 }).relevant).toBe(false);
    expect(classify(input, { threshold: 0.01 }).relevant).toBe(true);
    expect(DEFAULT_THRESHOLD).toBe(0.5);
  });

  it('the feed language tag wins over detection', () => {
    expect(rel('Meta AI', undefined, 'fr-FR').lang).toBe('fr');
    expect(rel('Meta AI', undefined, 'pt_BR').lang).toBe('pt');
    expect(rel("Meta to train AI on users' posts", undefined, 'ja').lang).toBe('en');
  });

  it('empty and odd input does not throw', () => {
    expect(() => classify({ title: '' })).not.toThrow();
    expect(classify({ title: '', summary: '<p></p>' }).relevant).toBe(false);
    expect(() => classify({ title: 'x'.repeat(100000), summary: '<'.repeat(5000) })).not.toThrow();
  });
});
