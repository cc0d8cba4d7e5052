import type { Lexicon } from './types.js';
import { both, near } from './util.js';

// Dutch (folded). Like German, Dutch compounds ("persoonsgegevens", "AI-training").
const AI = String.raw`(?:\bai\b|\bai-|kunstmatige intelligentie|taalmodel\w*|\bmodel(?:len)?\b|chatbots?|algoritme\w*|machine learning|grok|gemini|chatgpt|llama|claude|copilot|meta ai|bard|firefly|midjourney|dall-?e|stable diffusion|openai|anthropic|perplexity|deepseek|mistral ai)`;
// Narrow AI mention (no bare "model"/"algorithm"): used where AI is the only link to the story.
const AIS = String.raw`(?:globale modellen|machine learning|\bai\b|\bai-|kunstmatige intelligentie|taalmodel\w*|\bchatbots?\b|chatgpt|\bgemini\b|\bgrok\b|\bllama\b|\bclaude\b|\bcopilot\b|\bmeta ai\b|bard|firefly|midjourney|dall-?e|stable diffusion|openai|anthropic|perplexity|deepseek|mistral ai)`;
const PEOPLE = String.raw`(?:gebruikers?|klanten|leden|mensen|personen|consumenten|abonnees|kinderen|minderjarigen|europeanen|nederlanders|belgen|werknemers|makers|kunstenaars)`;
const STUFF = String.raw`(?:gegevens|data|berichten|posts|chats|gesprekken|foto'?s|afbeeldingen|video'?s|stem|stemmen|opnames|content|inhoud|reacties|profielen|bestanden|documenten|interacties|werken|werk|informatie|ontwerpen|e-?mails|mails|tweets|blogs?)`;

export const nl: Lexicon = {
  ai: [AIS],
  train: [
    String.raw`\bai-bedrijven (?:\w+ ){0,2}?(?:gebruiken|trainen met) (?:je|jouw|hun|uw)\b`,
    String.raw`\bgebruik (?:van \w+ )?voor (?:ai-)?training\b`,
    String.raw`\b(?:\w*gegevens|data|content|berichten|gesprekken|bestanden|antwoorden)\b[^.!?;]{0,30}\bvoor (?:zijn|haar|hun) (?:eigen )?modellen\b`,
    String.raw`\bgebruik van (?:\w+ ){0,2}?(?:\w*gegevens|data|berichten|foto'?s|content) (?:\w+ ){0,2}?(?:door|voor) (?:de |het )?${AI}`,
    String.raw`\bom (?:zijn |haar |hun |de |het )?(?:eigen )?(?:\w+ )?${AI}\w* te (?:ontwikkelen|bouwen|verbeteren|trainen|voeden)\b`,
    near(AIS, String.raw`\b(?:leert|leren|leerde)\b`, 20),
    String.raw`\b(?:\w*gegevens|data|content|berichten|\w*foto'?s|afbeeldingen|chats|gesprekken|video'?s|bestanden|documenten|reacties|profielen|posts|werk|werken)\b[^.!?;]{0,40}\b(?:voor|in) (?:de |het |hun |zijn |haar |eigen |nieuwe |generatieve )*(?:ai\b|ai-\w+|kunstmatige intelligentie|machine learning|grok|gemini|bard|meta ai|chatbots?|llama|claude|chatgpt|firefly|midjourney|taalmodel\w*)`,
    String.raw`(?:\bai|model)[- ]?training\w*`,
    String.raw`\btrainingsdata\w*`,
    ...both(String.raw`\b(?:train(?:en|t|de|den|ing)|getraind)\b`, AI),
    String.raw`\bom (?:[\w'-]+ ){0,5}?te trainen\b`,
    near(String.raw`\b(?:voed\w*|gevoed)\b`, AI, 40),
    String.raw`\bverbeter(?:en|t|ing) (?:van )?(?:de |het |hun |zijn |haar |onze )?${AI}`,
    near(AI, String.raw`\b(?:te )?verbeteren\b`, 20),
  ],
  trainWeak: [
    String.raw`\btrain\w*`,
    String.raw`\bverbeter\w+`,
  ],
  data: [
    String.raw`uploads\b`,
    String.raw`\bgeuploade (?:bestanden|foto'?s|documenten|content)\b`,
    String.raw`\b(?:gebruikers|klant|persoons|leden|gezondheids|profiel|locatie|chat)\w*(?:gegevens|data|content|berichten|geschiedenis)\b`,
    String.raw`\b(?:spraakopnames?|chatgeschiedenis|gespreksgeschiedenis)\b`,
    String.raw`\b(?:jouw|je|uw|hun|onze|mijn|zijn|haar) (?:[\w'-]+ ){0,2}?(?:\w+-)?${STUFF}\b`,
    String.raw`\b${STUFF} (?:[\w'-]+ ){0,2}?van (?:[\w'-]+ )?${PEOPLE}\b`,
    String.raw`\b(?:openbare (?:berichten|posts|content|gegevens|profielen|foto'?s)|priveberichten|persoonlijke (?:gegevens|berichten|data))\b`,
    String.raw`\b(?:facebook|instagram|linkedin|reddit|twitter|x|threads|whatsapp|youtube)-?(?:berichten|posts|gegevens|data|content|gebruikers)\b`,
  ],
  content: [String.raw`\b(?:inhoud|videogesprekken|documenten|gesprekken|vergaderingen|opnames|chats|berichten|foto'?s|afbeeldingen|video'?s|posts|e-mails|stemmen|reacties|gegevens|data)\b|(?:word|office)-documenten`],
  personal: [String.raw`\b(?:chats|gesprekken|vergaderingen|berichten|e-?mails|opnames|bestanden|documenten|posts|tweets|reacties|antwoorden)\b`],
  privacy: [String.raw`\b(?:rechtsgrond(?:slag)?|grondslag|gerechtvaardigd belang|privacy\w*|gegevensbescherming|avg|gdpr|persoonsgegevens)\b`],
  optout: [
    String.raw`\b(?:bezwaar\w*|afmeld\w+|opt-?out|toestemming|uitzetten|uitschakel\w+|instelling\w*|deadline|uiterlijk|standaard|formulier|voorkomen|weiger\w+)\b`,
    String.raw`\bzo (?:voorkom|maak|zet)\b`,
  ],
  policy: [String.raw`\b(?:gebruiksvoorwaarden|voorwaarden|privacybeleid|privacyverklaring|beleid)\b`],
  legal: [
    String.raw`\w*(?:toezichthouder|waakhond)\w*`,
    String.raw`\b(?:klacht\w*|rechtszaak\w*|aanklacht|rechter\w*|rechtbank|vonnis|uitspraak|onderzoek\w*|boete\w*|verbod\w*|verbied\w+|verboden|blokk\w+|stopt?|gestopt|opschort\w+|pauzeer\w+|bevel|toezichthouder\w*|autoriteit persoonsgegevens|waarschuw\w+|illegaal|onrechtmatig|grondslag|gerechtvaardigd belang|massaclaim|collectieve actie|aangeklaagd|beschuldig\w+|consumentenbond)\b`,
  ],
  deny: [String.raw`\b(?:niet|geen|nooit|ontkent\w*|verduidelijk\w+|geeft toe|bevestigt|erkent)\b`],
  deal: [String.raw`\b(?:licentie\w*|deal|overeenkomst|partnerschap|betal\w+|verkoop\w*|verkop\w+)\b`],
  copyright: [String.raw`\b(?:auteursrecht\w*|uitgevers?|auteurs|kranten|media|new york times|getty|brein|boeken)\b`],
  crawler: [String.raw`\b(?:crawler\w*|scraping|scrapen|robots\.txt|gptbot)\b`],
  face: [String.raw`\b(?:gezichtsherkenning|clearview|pimeyes)\b`],
  offtopic: [
    String.raw`\b(?:lanceert|lancering|introduceert|presenteert|onthult|financieringsronde|investering|waardering|chips?|halfgeleiders?|nvidia|datalek|hack\w*|cyberaanval|cookies?|overname|beurs|aandelen|review)\b`,
  ],
};
