import type { Lexicon } from './types.js';
import { both, near } from './util.js';

// Italian (folded).
const AI = String.raw`(?:(?:l'|dell')?ia\b|\bai\b|intelligenz[ae] artificial[ei]|\bmodell[oi]\b|chatbot|algoritm[oi]|apprendimento automatico|grok|gemini|chatgpt|llama|claude|copilot|meta ai|bard|firefly|midjourney|dall-?e|stable diffusion|openai|anthropic|perplexity|deepseek|mistral ai)`;
// Narrow AI mention (no bare "model"/"algorithm"): used where AI is the only link to the story.
const AIS = String.raw`(?:modelli globali|apprendimento automatico|(?:\bl'|\bdell')?ia\b|\bai\b|intelligenz[ae] artificial[ei]|modell[oi] linguistic[oi]|\bchatbot\b|chatgpt|\bgemini\b|\bgrok\b|\bllama\b|\bclaude\b|\bcopilot\b|\bmeta ai\b|bard|firefly|midjourney|dall-?e|stable diffusion|openai|anthropic|perplexity|deepseek|mistral ai)`;
const PEOPLE = String.raw`(?:utent\w+|clienti|iscritti|membri|persone|consumatori|abbonati|bambini|minori|europei|italiani|dipendenti|creatori|artisti|account)`;
const STUFF = String.raw`(?:dati|post|pubblicazioni|messaggi|chat|conversazioni|foto|fotografie|immagini|video|voce|voci|registrazioni|contenuti|commenti|profili|file|documenti|interazioni|opere|informazioni|chiamate|riunioni|progetti|e-?mail|mail|tweet|blog)`;

export const it: Lexicon = {
  ai: [AIS],
  train: [
    String.raw`\b(?:aziende|societa) di (?:ia|intelligenza artificiale) (?:\w+ ){0,2}?(?:usare|usino|usano|utilizzare|addestrare) (?:il tuo|i tuoi|la tua|le tue|i loro)\b`,
    String.raw`\b(?:uso|utilizzo) (?:dei|delle) (?:\w+ )?(?:dati|contenuti|conversazioni|messaggi) (?:nell'|per l')addestramento\b`,
    String.raw`\b(?:dati|contenuti|post|messaggi|conversazioni|file|risposte)\b[^.!?;]{0,30}\bper i (?:suoi|loro) (?:propri )?modelli\b`,
    String.raw`\b(?:uso|utilizzo) (?:dei|delle|di|dei propri|dei suoi) (?:\w+ ){0,2}?(?:dati|contenuti|post|foto|messaggi) (?:\w+ ){0,2}?(?:da parte dell'|da parte di|dall'|per l'|per la )?${AI}`,
    String.raw`\bper (?:sviluppare|costruire|migliorare|addestrare|alimentare) (?:i suoi |il suo |la sua |le sue |l'|i |il |la |le |gli )?(?:propri |propria )?${AI}`,
    near(AIS, String.raw`\b(?:impara|imparera|imparare|imparano)\b`, 20),
    String.raw`\b(?:dati|contenuti|post|foto|immagini|messaggi|chat|conversazioni|video|file|documenti|commenti|profili|opere|lavori)\b[^.!?;]{0,40}\b(?:per|nell'|nella|per l'|per la) (?:l'|la |il |i |le |sua |suoi |sue |loro |propria |nuova )*(?:ia generativa\b|ia\b|intelligenza artificiale|apprendimento automatico|grok|gemini|bard|meta ai|chatbot|llama|claude|chatgpt|firefly|midjourney)`,
    ...both(String.raw`\b(?:ri)?addestr\w*\b`, AI),
    String.raw`\bper (?:ri)?addestrare\b`,
    String.raw`\bdati (?:di|per l'|per il) (?:addestramento|training)\b`,
    ...both(String.raw`\b(?:allen(?:are|a|ano|ato|amento))\b`, AI),
    near(String.raw`\b(?:nutri\w*|aliment\w*)\b`, AI, 30),
    String.raw`\b(?:migliorare|migliora|miglioramento)\b (?:del |della |dei |degli |dell')?(?:l'|la |il |i |gli |le |suoi |sue |propri |proprie )?${AI}`,
  ],
  trainWeak: [
    String.raw`\b(?:ri)?addestr\w+`,
    String.raw`\bmigliorare i (?:propri|suoi|loro) (?:servizi|prodotti|modelli)\b`],
  data: [
    String.raw`\b(?:i tuoi|i suoi|i loro|le tue|le loro|le sue|i vostri|tuoi|vostri|nostri|propri|proprie) (?:[\w'-]+ ){0,2}?${STUFF}\b`,
    String.raw`\b${STUFF} (?:[\w'-]+ ){0,2}?(?:degli|dei|delle|di|del|dai) (?:[\w'-]+ )?${PEOPLE}\b`,
    String.raw`\b(?:file|foto|video|documenti|contenuti) (?:caricati|condivisi|inviati)\b`,
    String.raw`\bcio che (?:pubblichi|condividi|scrivi|carichi)\b`,
    String.raw`\b(?:dati personali|post pubblici|contenuti pubblici|messaggi privati|dati degli utenti)\b`,
    String.raw`\b(?:post|dati|contenuti|messaggi|foto) (?:di|su) (?:facebook|instagram|linkedin|reddit|twitter|x|threads|whatsapp|youtube)\b`,
  ],
  content: [String.raw`\b(?:contenuti|videochiamate|documenti|chiamate|riunioni|registrazioni|chat|conversazioni|messaggi|foto|immagini|video|post|email|voce|commenti|dati)\b`],
  personal: [String.raw`\b(?:chat|conversazioni|chiamate|riunioni|messaggi|e-?mail|registrazioni|file|documenti|post|commenti|risposte)\b`],
  privacy: [String.raw`\b(?:base giuridica|legittimo interesse|privacy|protezione dei dati|gdpr|dati personali|riservatezza)\b`],
  optout: [
    String.raw`\b(?:opporsi|opporti|opposizione|diritto di opposizione|consenso|disattiv\w+|impostazion\w+|scadenza|entro il|modulo|rifiut\w+|negare|opt-?out)\b`,
    String.raw`\bcome (?:evitare|impedire|disattivare|opporsi|proteggere)\b`,
  ],
  policy: [
    String.raw`\b(?:cambi\w+|aggiorn\w+|modific\w+|rived\w+|nuov\w+) (?:\w+ ){0,2}(?:termini|condizioni|informativa|policy)\b`,
    String.raw`\b(?:termini (?:di servizio|d'uso|e condizioni)|condizioni d'uso|informativa(?: sulla)?(?: privacy)?|policy)\b`],
  legal: [
    String.raw`\b(?:garante|denuncia\w*|reclam\w+|esposto|ricorso|causa|class action|tribunale|sentenza|giudic\w+|istruttoria|indagin\w+|indag\w+|sanzion\w+|multa\w*|vieta|vietat\w+|divieto|blocc\w+|sospen\w+|stop|ordin\w+|autorita|ingiunzione|illegal\w+|illecit\w+|base giuridica|legittimo interesse|avvertiment\w+|accus\w+|limitazione)\b`,
  ],
  deny: [String.raw`\b(?:non|mai|nega\w*|smentisc\w+|chiarisc\w+|precisa\w*|ammette|conferma|riconosce)\b`],
  deal: [String.raw`\b(?:vendita|licenz\w+|accord\w+|intesa|partnership|pag\w+|vend\w+|cedere)\b`],
  copyright: [String.raw`\b(?:diritto d'autore|copyright|editori|autori|giornali|testate|new york times|getty|siae|libri)\b`],
  crawler: [String.raw`\b(?:crawler|scraping|web scraping|robots\.txt|gptbot)\b`],
  face: [String.raw`\b(?:riconoscimento facciale|clearview|pimeyes)\b`],
  offtopic: [
    String.raw`\b(?:lancia|lancio|presenta\w*|debutto|finanziament\w+|round|valutazione|chip|semiconduttori|nvidia|fuga di dati|violazione dei dati|attacco hacker|hacker|cookie|acquisizione|acquista|borsa|azioni|recensione)\b`,
  ],
};
