// Real events, written up in our own words the way different outlets would
// report them (dates are the real ones). Used by the clustering test.
import type { Item } from '../../src/domain.js';

export interface Report {
  outlet: string;
  lang: string;
  published: string;
  title: string;
  summary: string;
  link: string;
}

const item = (r: Report, i: number): Item => ({
  id: `t:${r.link}`,
  sourceId: r.outlet,
  title: r.title,
  summary: r.summary,
  link: r.link,
  published: r.published,
  lang: r.lang,
  fetchedAt: r.published,
});

export const toItems = (rs: Report[]): Item[] => rs.map(item);

/** Each entry: one real event covered by several outlets, in several languages. */
export const SAME_EVENT: Record<string, Report[]> = {
  'Meta restarts EU AI training on public posts (April 2025)': [
    { outlet: 'techcrunch', lang: 'en', published: '2025-04-14T13:10:00Z', link: 'https://techcrunch.example/2025/04/14/meta-eu-ai-training',
      title: 'Meta will start training its AI models on public content from EU users',
      summary: 'Meta says it will begin using public posts and comments shared by adults on Facebook and Instagram in the EU to train its AI models, a year after pausing the plan. Users will be notified and can object through a form.' },
    { outlet: 'lemonde', lang: 'fr', published: '2025-04-15T07:45:00Z', link: 'https://lemonde.example/pixels/2025/04/15/meta-ia-donnees-europeens',
      title: "Meta va entraîner son IA avec les publications publiques des utilisateurs européens",
      summary: "Meta annonce qu'il utilisera les contenus publics des adultes de l'Union européenne sur Facebook et Instagram pour entraîner ses modèles d'intelligence artificielle. Un formulaire permet de s'y opposer." },
    { outlet: 'heise', lang: 'de', published: '2025-04-15T09:20:00Z', link: 'https://heise.example/news/meta-ki-training-eu-nutzer',
      title: 'Meta will KI mit öffentlichen Beiträgen von EU-Nutzern trainieren',
      summary: 'Meta will öffentliche Beiträge und Kommentare erwachsener Nutzer von Facebook und Instagram in der EU für das Training seiner KI-Modelle verwenden. Nutzer können per Formular widersprechen.' },
  ],
  'LinkedIn opts members into AI training outside the EU (September 2024)': [
    { outlet: '404media', lang: 'en', published: '2024-09-18T15:00:00Z', link: 'https://404media.example/linkedin-ai-training-user-data',
      title: 'LinkedIn is training AI on user data before updating its terms of service',
      summary: 'LinkedIn users in the US, but not the EU, EEA or Switzerland, have a new setting, switched on by default, that lets the company use their data to train generative AI models.' },
    { outlet: 'techcrunch', lang: 'en', published: '2024-09-18T19:30:00Z', link: 'https://techcrunch.example/2024/09/18/linkedin-scraped-user-data-for-training',
      title: 'LinkedIn scraped user data for training before updating its terms of service',
      summary: 'LinkedIn may have trained AI models on user data without updating its terms. Members can opt out under Settings, Data privacy, Data for Generative AI Improvement.' },
    { outlet: 'numerama', lang: 'fr', published: '2024-09-19T08:00:00Z', link: 'https://numerama.example/linkedin-ia-donnees-membres',
      title: "LinkedIn entraîne son IA sur les données de ses membres, sauf en Europe",
      summary: "Le réseau social a activé par défaut un paramètre qui autorise l'utilisation des données des utilisateurs pour entraîner ses modèles d'IA générative, hors Union européenne, EEE et Suisse." },
    { outlet: 'golem', lang: 'de', published: '2024-09-19T10:15:00Z', link: 'https://golem.example/news/linkedin-nutzerdaten-ki-training',
      title: 'LinkedIn nutzt Nutzerdaten für KI-Training – außer in der EU',
      summary: 'LinkedIn verwendet Daten seiner Mitglieder standardmäßig zum Training generativer KI. Nutzer in der EU, im EWR und in der Schweiz sind ausgenommen; alle anderen müssen in den Einstellungen widersprechen.' },
  ],
  'Italian Garante fines OpenAI €15 million over ChatGPT (December 2024)': [
    { outlet: 'reuters', lang: 'en', published: '2024-12-20T11:05:00Z', link: 'https://reuters.example/technology/italy-fines-openai-15-million',
      title: "Italy's privacy watchdog fines OpenAI €15 million over ChatGPT data collection",
      summary: "The Garante said OpenAI processed users' personal data to train ChatGPT without an adequate legal basis and breached transparency obligations." },
    { outlet: '01net', lang: 'fr', published: '2024-12-20T14:00:00Z', link: 'https://01net.example/italie-amende-openai-chatgpt',
      title: "L'Italie inflige une amende de 15 millions d'euros à OpenAI pour ChatGPT",
      summary: "Le gendarme italien de la vie privée reproche à OpenAI d'avoir utilisé les données personnelles des utilisateurs pour entraîner ChatGPT sans base juridique." },
    { outlet: 'netzpolitik', lang: 'de', published: '2024-12-21T08:30:00Z', link: 'https://netzpolitik.example/2024/openai-bussgeld-italien',
      title: 'Italienische Datenschutzbehörde verhängt 15 Millionen Euro Bußgeld gegen OpenAI',
      summary: 'Die Garante wirft OpenAI vor, personenbezogene Daten für das Training von ChatGPT ohne Rechtsgrundlage verarbeitet zu haben.' },
    { outlet: 'garante', lang: 'it', published: '2024-12-20T10:00:00Z', link: 'https://garante.example/docweb/openai-sanzione',
      title: 'ChatGPT, il Garante privacy sanziona OpenAI per 15 milioni di euro',
      summary: "L'Autorità ha accertato che OpenAI ha trattato i dati personali degli utenti per addestrare ChatGPT senza un'adeguata base giuridica." },
  ],
  'X suspends Grok training on EU data after Irish court action (August 2024)': [
    { outlet: 'register', lang: 'en', published: '2024-08-08T12:00:00Z', link: 'https://register.example/2024/08/08/x_grok_eu_data',
      title: "X agrees to pause using EU users' data to train Grok after Irish court action",
      summary: "The Irish Data Protection Commission went to the High Court over X's use of posts by EU users to train its Grok chatbot; X agreed to suspend the processing." },
    { outlet: 'numerama', lang: 'fr', published: '2024-08-08T16:20:00Z', link: 'https://numerama.example/x-grok-donnees-europeens',
      title: "X suspend l'utilisation des données des Européens pour entraîner Grok",
      summary: "Saisie par la DPC irlandaise, la justice a obtenu de X qu'il cesse d'utiliser les publications des utilisateurs européens pour entraîner son IA Grok." },
    { outlet: 'heise', lang: 'de', published: '2024-08-09T07:10:00Z', link: 'https://heise.example/news/x-stoppt-grok-training-eu',
      title: 'X stoppt KI-Training von Grok mit Daten von EU-Nutzern',
      summary: 'Nach einem Eilverfahren der irischen Datenschutzbehörde DPC setzt X die Nutzung von Beiträgen europäischer Nutzer für das Training von Grok aus.' },
  ],
  'Anthropic to train Claude on consumer chats unless users opt out (August 2025)': [
    { outlet: 'verge', lang: 'en', published: '2025-08-28T17:00:00Z', link: 'https://verge.example/anthropic-claude-chats-training',
      title: 'Anthropic will start training Claude on user chats unless they opt out by September 28',
      summary: 'Claude Free, Pro and Max users must choose whether their conversations can be used to train future models; data retention grows to five years for those who allow it.' },
    { outlet: 'numerama', lang: 'fr', published: '2025-08-29T08:40:00Z', link: 'https://numerama.example/anthropic-claude-conversations',
      title: "Anthropic va utiliser les conversations des utilisateurs de Claude pour entraîner son IA",
      summary: "Les utilisateurs de Claude ont jusqu'au 28 septembre pour refuser que leurs conversations servent à entraîner les modèles d'Anthropic." },
    { outlet: 'heise', lang: 'de', published: '2025-08-29T09:15:00Z', link: 'https://heise.example/news/anthropic-claude-chats-training',
      title: 'Anthropic trainiert Claude künftig mit Chats der Nutzer – Widerspruch bis 28. September',
      summary: 'Wer nicht widerspricht, dessen Unterhaltungen mit Claude fließen ins Training neuer Modelle ein.' },
  ],
  'Cologne court refuses to stop Meta AI training (May 2025)': [
    { outlet: 'reuters', lang: 'en', published: '2025-05-23T15:30:00Z', link: 'https://reuters.example/legal/german-court-meta-ai-training',
      title: 'German court rejects consumer group bid to stop Meta training AI on user data',
      summary: 'The Higher Regional Court of Cologne dismissed an injunction request by Verbraucherzentrale NRW against Meta using public Facebook and Instagram posts to train its AI.' },
    { outlet: 'heise', lang: 'de', published: '2025-05-23T16:00:00Z', link: 'https://heise.example/news/olg-koeln-meta-ki-training',
      title: 'OLG Köln weist Eilantrag der Verbraucherzentrale gegen Meta-KI-Training ab',
      summary: 'Das Oberlandesgericht Köln hat den Antrag der Verbraucherzentrale NRW abgelehnt: Meta darf öffentliche Daten von Facebook- und Instagram-Nutzern für KI-Training verwenden.' },
    { outlet: 'lemonde', lang: 'fr', published: '2025-05-24T06:30:00Z', link: 'https://lemonde.example/pixels/2025/05/24/justice-allemande-meta-ia',
      title: "La justice allemande refuse de bloquer l'entraînement de l'IA de Meta",
      summary: "Le tribunal régional supérieur de Cologne a rejeté la demande d'une association de consommateurs qui voulait empêcher Meta d'utiliser les données de ses utilisateurs." },
  ],
};

/** Pairs: different real events about the same company, published close together. */
export const DIFFERENT_EVENTS: [Report, Report][] = [
  [SAME_EVENT['Meta restarts EU AI training on public posts (April 2025)']![0]!,
    { outlet: 'verge', lang: 'en', published: '2025-04-14T16:00:00Z', link: 'https://verge.example/ftc-meta-antitrust-trial',
      title: "FTC's antitrust trial against Meta begins over Instagram and WhatsApp deals",
      summary: 'The Federal Trade Commission argues Meta bought Instagram and WhatsApp to neutralise competitors; Mark Zuckerberg is expected to testify.' }],
  [SAME_EVENT['Italian Garante fines OpenAI €15 million over ChatGPT (December 2024)']![0]!,
    { outlet: 'techcrunch', lang: 'en', published: '2024-12-20T18:00:00Z', link: 'https://techcrunch.example/2024/12/20/openai-o3',
      title: 'OpenAI announces o3 and o3-mini reasoning models',
      summary: 'OpenAI previewed its next reasoning models on the last day of its 12 days of shipmas event, with safety testing open to researchers.' }],
  [SAME_EVENT['X suspends Grok training on EU data after Irish court action (August 2024)']![0]!,
    { outlet: 'guardian', lang: 'en', published: '2024-08-12T20:00:00Z', link: 'https://guardian.example/technology/2024/aug/12/eu-breton-musk-letter',
      title: "EU commissioner warns Musk over X livestream with Trump",
      summary: 'Thierry Breton reminded X of its obligations under the Digital Services Act to curb harmful content ahead of the interview on the platform.' }],
  [SAME_EVENT['LinkedIn opts members into AI training outside the EU (September 2024)']![0]!,
    { outlet: 'reuters', lang: 'en', published: '2024-10-24T10:00:00Z', link: 'https://reuters.example/technology/linkedin-fined-310-million',
      title: 'LinkedIn fined €310 million by Irish regulator over targeted advertising',
      summary: "The Data Protection Commission found LinkedIn's processing of members' data for behavioural analysis and targeted ads lacked a valid legal basis." }],
  [SAME_EVENT['Anthropic to train Claude on consumer chats unless users opt out (August 2025)']![0]!,
    { outlet: 'reuters', lang: 'en', published: '2025-09-02T17:00:00Z', link: 'https://reuters.example/technology/anthropic-raises-13-billion',
      title: 'Anthropic raises $13 billion at a $183 billion valuation',
      summary: 'The Claude maker said the funding round led by Iconiq will expand capacity and international growth.' }],
  [{ outlet: 'techcrunch', lang: 'en', published: '2024-09-12T09:00:00Z', link: 'https://techcrunch.example/2024/09/12/dpc-google-palm2-inquiry',
      title: "Irish regulator opens inquiry into Google's PaLM 2 AI model over personal data",
      summary: 'The Data Protection Commission is examining whether Google assessed the risks before processing EU users\' personal data to develop its foundation model.' },
    { outlet: 'reuters', lang: 'en', published: '2024-09-18T09:00:00Z', link: 'https://reuters.example/legal/google-wins-adsense-appeal',
      title: 'Google wins EU court appeal against €1.49 billion AdSense fine',
      summary: 'The General Court annulled the European Commission antitrust fine over restrictive clauses in online search advertising contracts.' }],
  [SAME_EVENT['Cologne court refuses to stop Meta AI training (May 2025)']![0]!,
    { outlet: 'techcrunch', lang: 'en', published: '2025-05-22T18:00:00Z', link: 'https://techcrunch.example/2025/05/22/meta-llama-startup-program',
      title: 'Meta launches Llama for Startups program',
      summary: 'Selected US startups building on Llama models will get support from Meta engineers and funding for cloud costs.' }],
];

/** An event whose company is not in the gazetteer: clustering must rely on shared proper names. */
export const UNKNOWN_NAMES: Report[] = [
  { outlet: 'verge', lang: 'en', published: '2025-02-28T16:00:00Z', link: 'https://verge.example/mozilla-firefox-terms-update',
    title: 'Mozilla revises Firefox terms of use after backlash over data rights',
    summary: 'Mozilla says the new terms, which gave it a licence to information users input in Firefox, do not give it ownership of user data or permission to train AI on it.' },
  { outlet: 'numerama', lang: 'fr', published: '2025-02-28T18:30:00Z', link: 'https://numerama.example/firefox-mozilla-conditions',
    title: "Firefox : Mozilla corrige ses conditions d'utilisation après la polémique",
    summary: "Mozilla assure que la licence sur les informations saisies dans Firefox ne lui permet pas d'entraîner une IA avec les données des utilisateurs." },
  { outlet: 'heise', lang: 'de', published: '2025-03-01T08:00:00Z', link: 'https://heise.example/news/mozilla-firefox-nutzungsbedingungen',
    title: 'Nutzungsbedingungen: Mozilla bessert nach Kritik an Firefox-Klausel nach',
    summary: 'Nach Kritik an den neuen Nutzungsbedingungen für Firefox stellt Mozilla klar, dass es keine Rechte an Nutzerdaten beansprucht und damit keine KI trainiert.' },
];
