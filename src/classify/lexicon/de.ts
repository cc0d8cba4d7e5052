import type { Lexicon } from './types.js';
import { both, near } from './util.js';

// German (folded: "Künstliche" → "kunstliche", "ß" → "ss"). German glues words
// together ("Nutzerdaten", "KI-Training"), so many patterns have no end boundary.
const AI = String.raw`(?:\bki\b|\bki-|kunstliche\w* intelligenz|sprachmodell\w*|\bmodell\w*|chatbot\w*|algorithm\w*|maschinell\w* lernen|\bai\b|grok|gemini|chatgpt|llama|claude|copilot|meta ai|bard|firefly|midjourney|dall-?e|stable diffusion|openai|anthropic|perplexity|deepseek|mistral ai)`;
// Narrow AI mention (no bare "model"/"algorithm"): used where AI is the only link to the story.
const AIS = String.raw`(?:globale\w* modelle\w*|maschinelle\w* lernen|\bki\b|\bki-|kunstliche\w* intelligenz|sprachmodell\w*|\bchatbot\w*|chatgpt|\bgemini\b|\bgrok\b|\bllama\b|\bclaude\b|\bcopilot\b|\bmeta ai\b|\bai\b|bard|firefly|midjourney|dall-?e|stable diffusion|openai|anthropic|perplexity|deepseek|mistral ai)`;
const PEOPLE = String.raw`(?:nutzer\w*|user\w*|kunden|kundinnen|mitglieder\w*|menschen|personen|verbraucher\w*|kinder\w*|europaer\w*|deutschen|beschaftigte\w*|kunstler\w*|urheber\w*|mitarbeitend\w*|mitarbeiter\w*)`;
const STUFF = String.raw`(?:daten|beitrage\w*|posts|nachrichten|chats|unterhaltungen|gesprache\w*|fotos|bilder\w*|videos|stimmen?|aufnahmen|inhalte\w*|kommentare\w*|profile\w*|dateien|dokumente\w*|texte\w*|werke\w*|eingaben|interaktionen|informationen|anrufe|meetings|designs|entwurfe|e-?mails|mails|tweets|blogs?)`;

export const de: Lexicon = {
  ai: [AIS],
  train: [
    String.raw`\bki-(?:firmen|unternehmen|konzerne) (?:\w+ ){0,2}?(?:nutzen|verwenden|trainieren mit) (?:ihre|eure|deine|deren)\b`,
    String.raw`\b(?:trainingsnutzung|trainingszweck\w*)\b|\b(?:nutzung|verwendung) (?:\w+ ){0,2}fur (?:das |ki-)?training\b`,
    String.raw`\b(?:fliess\w*|einfliess\w*|wander\w*) (?:in|ins) (?:die |das |den |eine )?(?:generative\w* )?(?:ki\b|ki-|kunstliche|sprachmodell|training)`,
    String.raw`\b(?:\w*daten|\w*inhalte\w*|\w*beitrage\w*|\w*nachrichten|chats|\w*dateien|antworten)\b[^.!?;]{0,30}\bfur (?:seine|ihre) (?:eigenen )?modelle\b`,
    String.raw`\b(?:nutzung|verwendung|verarbeitung) (?:der |des |von |ihrer |ihres |seiner |seines |eurer |eigenen )+(?:\w+ ){0,2}?(?:\w*daten|inhalte|beitrage|fotos|nachrichten|blogs?|profile\w*|posts) (?:\w+ ){0,2}?(?:durch|fur|zur) (?:die |eine |metas |\w+s )?${AI}`,
    String.raw`\bum (?:seine |ihre |die |eigene )?(?:\w+ )?${AI}\w* (?:zu )?(?:entwickeln|trainieren|verbessern|futtern)\b`,
    near(AIS, String.raw`\b(?:lernt|lernen|lerne|lernte)\b`, 20),
    String.raw`\b(?:\w*daten|\w*inhalte\w*|\w*beitrage\w*|\w*fotos|\w*bilder\w*|\w*nachrichten|chats|posts|tweets|\w*dateien|\w*dokumente\w*|kommentare\w*|profile\w*|\w*werke\w*)\b[^.!?;]{0,40}\b(?:fur|zur|zum|in) (?:die |der |den |das |ihre\w* |seine\w* |eigene\w* |generative\w* |neue\w* )*(?:ki\b|ki-\w+|kunstliche\w* intelligenz|maschinelle\w* lernen|grok|gemini|bard|meta ai|chatbots?|llama|claude|chatgpt|firefly|midjourney|sprachmodell\w*)`,
    String.raw`(?:\bki|modell|sprachmodell|\bai)[- ]?training\w*`,
    String.raw`\btrainingsdaten\b`,
    ...both(String.raw`\b(?:train(?:ieren|iert|iere|ierte|ierten|ing|ings)|antrainiert)\b`, AI),
    String.raw`\b(?:zum|fur das|fur ihr|fur sein|ins|in das) (?:ki-)?training\b`,
    near(String.raw`\b(?:futter\w*|gefuttert|einspeis\w*)\b`, AI, 40),
    near(AI, String.raw`\b(?:zu )?verbesser(?:n|t)\b`, 20),
    String.raw`\bverbesserung (?:der |ihrer |seiner |von |unserer )?${AI}`,
  ],
  trainWeak: [
    String.raw`\btrain(?:ieren|iert|ing)\w*`,
    String.raw`\bverbesser\w+`,
  ],
  data: [
    String.raw`\b(?:chatverlauf\w*|sprachaufnahme\w*|gesprachsaufzeichnung\w*|sprachnachricht\w*)\b`,
    String.raw`\b(?:nutzer|kunden|personen|mitglieder|user|verbraucher|patienten|gesundheits|profil|standort|biometrie|chat|gesprachs)\w*(?:daten|inhalt\w*|beitrag\w*|informationen|nachrichten|fotos|dokument\w*|dateien|chats|werk\w*|profil\w*)\b`,
    String.raw`\bhochgeladene\w* (?:dateien|inhalte|fotos|bilder|dokumente)\b`,
    String.raw`\bpersonenbezogen\w* (?:daten|informationen)\b`,
    String.raw`uploads?\b`,
    String.raw`\b(?:ihre|eure|deine|seine|unsere|ihrer|ihren|deren|meine) (?:[\w-]+ ){0,2}?(?:\w+-)?${STUFF}\b`,
    String.raw`\b${STUFF} (?:[\w-]+ ){0,2}?(?:der|von|seiner|ihrer|aller|vieler) (?:[\w-]+ )?(?:\w+-)?${PEOPLE}`,
    String.raw`\boffentlich\w* (?:beitrage|posts|inhalte|daten|profile|fotos)\b`,
    String.raw`\bprivat\w* (?:nachrichten|chats|daten)\b`,
    String.raw`\b(?:facebook|instagram|linkedin|reddit|twitter|x|threads|whatsapp|youtube)[- ]?(?:beitrage|posts|daten|inhalte|nutzer\w*|profile)`,
  ],
  content: [String.raw`\b\w*(?:inhalte|dokumente|anrufe|meetings|aufnahmen|chats|unterhaltungen|gesprache|nachrichten|fotos|bilder|videos|beitrage|posts|e-mails|stimmen|kommentare|daten)n?\b|(?:office|word|nutzer|kunden)-?(?:dokumente\w*|dateien|daten)`],
  personal: [String.raw`\b\w*(?:chats|unterhaltungen|gesprache|anrufe|meetings|nachrichten|e-mails|mails|aufnahmen|dateien|dokumente|beitrage|posts|tweets|kommentare|antworten)n?\b|-chats\b`],
  privacy: [String.raw`\b(?:rechtsgrundlage|berechtigte\w* interesse\w*|datenschutz\w*|privatsphare|dsgvo|personenbezogen\w*)`],
  optout: [
    String.raw`\bschalten? (?:\w+ ){0,2}ab\b`,
    String.raw`\b(?:widersprech\w*|widerspr\w+|widerspruch\w*|opt-?out|einwillig\w+|zustimm\w+|deaktivier\w+|abschalt\w+|ausschalt\w+|einstellung\w*|frist\w*|standardmassig|formular\w*|wehren|verhindern)\b`,
  ],
  policy: [String.raw`\b(?:datenschutzregeln|datenschutzhinweise|nutzungsbedingungen|agb|datenschutzrichtlinie\w*|datenschutzerklarung\w*|datenschutzbestimmungen|richtlinie\w*|bedingungen)\b`],
  legal: [
    String.raw`\b(?:sperr\w*|beschwerde\w*|klage\w*|verklag\w+|gericht\w*|urteil\w*|eilverfahren|einstweilig\w*|verfahren\w*|prufung|pruft|ermittl\w+|untersuch\w+|bussgeld\w*|\w*strafe\w*|verbot\w*|verbiet\w+|stopp\w*|gestoppt|aussetz\w+|ausgesetzt|pausier\w+|anordn\w+|aufsicht\w*|behorde\w*|datenschutzbeauftragt\w*|datenschutzbehorde\w*|verbraucherzentrale\w*|abmahn\w+|rechtsgrundlage|berechtigte\w* interesse\w*|rechtswidrig\w*|unzulassig\w*|sammelklage\w*|warn\w+|vorwurf\w*|vorwerf\w+)\b`,
  ],
  deny: [String.raw`\b(?:versprich\w*|versprechen|beteuer\w*|nicht|keine?\w*|nie|dementi\w*|bestreit\w+|stellt klar|klarstell\w+|bestatigt|gibt zu|raumt \w+ ein)\b`],
  deal: [String.raw`\b(?:lizenz\w*|deal|vereinbarung\w*|partnerschaft|bezahl\w+|zahl\w+|verkauf\w*|gebuhr\w*|kostenpflichtig)\b`],
  copyright: [String.raw`\b(?:urheberrecht\w*|verlage?|verleger\w*|autoren|presse\w*|zeitung\w*|new york times|getty|gema|bucher)\b`],
  crawler: [String.raw`\b(?:crawler\w*|scraping|gescrapt|robots\.txt|gptbot)\b`],
  face: [String.raw`\b(?:gesichtserkennung\w*|clearview|pimeyes)\b`],
  offtopic: [
    String.raw`\b(?:vorgestellt|stellt \w+ vor|startet|launch\w*|prasentiert|finanzierung\w*|bewertung|chips?|halbleiter\w*|nvidia|datenleck|datenpanne|hack\w*|cyberangriff\w*|cookie\w*|ubernahme|aktie\w*|umsatz|test)\b`,
  ],
};
