import type { Lexicon } from './types.js';
import { both, near } from './util.js';

// French (folded: "entraîner" → "entrainer", "données" → "donnees").
const AI = String.raw`(?:(?:l'|d')?ia\b|i\.a\.|intelligence artificielle|modeles?\b|agents? conversationnels?|chatbots?|algorithmes?|apprentissage automatique|grok|gemini|chatgpt|llama|claude|copilot|meta ai|bard|firefly|midjourney|dall-?e|stable diffusion|openai|anthropic|perplexity|deepseek|mistral ai)`;
// Narrow AI mention (no bare "model"/"algorithm"): used where AI is the only link to the story.
const AIS = String.raw`(?:modeles globaux|apprentissage automatique|(?:\bl'|\bd')?ia\b|\bi\.a\.|intelligence artificielle|modeles? de langage|agents? conversationnels?|\bchatbots?\b|chatgpt|\bgemini\b|\bgrok\b|\bllama\b|\bclaude\b|\bcopilot\b|\bmeta ai\b|bard|firefly|midjourney|dall-?e|stable diffusion|openai|anthropic|perplexity|deepseek|mistral ai)`;
const PEOPLE = String.raw`(?:utilisat(?:eurs?|rices?)|internautes|abonnes|membres|clients|personnes|usagers|europeens|francais|enfants|mineurs|salaries|createurs|artistes|comptes)`;
const STUFF = String.raw`(?:donnees|publications?|posts?|messages?|conversations?|photos?|images?|videos?|voix|enregistrements?|contenus?|commentaires?|profils?|fichiers?|documents?|echanges|discussions|historiques?|requetes|interactions|oeuvres|informations|textes|appels|reunions|fichiers|creations|maquettes|e-?mails|courriels|mails|tweets|blogs?)`;

export const fr: Lexicon = {
  ai: [AIS],
  train: [
    String.raw`\b(?:entreprises|societes) d'(?:ia|intelligence artificielle) (?:\w+ ){0,2}?(?:utilisent|utiliser|exploitent|exploiter|entrainent) (?:vos|votre|leurs|leur|ses)\b`,
    String.raw`\b(?:utilisation|usage) (?:de |des |de ses |de leurs |de vos )(?:\w+ )?(?:donnees|contenus?|conversations|messages) (?:dans|pour) l'entrainement\b`,
    String.raw`\b(?:donnees|contenus?|publications|messages|conversations|fichiers|reponses)\b[^.!?;]{0,30}\bpour ses (?:propres )?modeles\b`,
    String.raw`\b(?:utilisation|usage|exploitation) (?:de |des |du |de leurs |de vos |de votre |de son |de sa |de ses )(?:\w+ ){0,2}?(?:donnees|contenus?|publications|photos|messages|blogs?|profils?|comptes?) (?:\w+ ){0,2}?(?:par|pour) (?:l'|les |son |ses |leur |meta )?(?:(?:entreprises|societes|geants|acteurs) (?:de l'|d'))?${AI}`,
    String.raw`\b(?:pour|afin de|a) (?:developper|construire|concevoir|ameliorer|entrainer|nourrir|alimenter) (?:ses |son |sa |leurs |leur |les |l'|des |de )?(?:propres )?${AI}`,
    near(AIS, String.raw`\b(?:apprend|apprendra|apprendre|apprennent)\b`, 20),
    String.raw`\b(?:donnees|contenus?|publications|photos|images|messages|conversations|videos|fichiers|documents|commentaires|profils|tweets|posts|oeuvres|creations)\b[^.!?;]{0,40}\b(?:pour|dans) (?:l'|le |la |les |son |sa |ses |leur |leurs |propre |nouvelle |generative )*(?:ia\b|ia generative|intelligence artificielle|apprentissage automatique|grok|gemini|bard|meta ai|chatbots?|modeles? d'ia|llama|claude|chatgpt|firefly|midjourney)`,
    ...both(String.raw`\b(?:re)?entrain(?:er|e|ent|ait|era|eront|ees?|es|ement|ements)\b`, AI),
    String.raw`\b(?:pour|afin d'|a) (?:re)?entrainer\b`,
    String.raw`\bdonnees d'(?:entrainement|apprentissage)\b`,
    near(String.raw`\b(?:nourri\w*|aliment\w*|former|formera)\b`, AI, 30),
    String.raw`\b(?:ameliorer|ameliore|amelioration)\b (?:de |des |du )?(?:l'|le |la |les |son |sa |ses |leur |leurs )?${AI}`,
    String.raw`\bia generative\b[^.!?]{0,20}\bamelioration`,
  ],
  trainWeak: [
    String.raw`\b(?:re)?entrain(?:er|e|ent|ait|era|ement)\b`,
    String.raw`\bameliorer (?:ses|leurs|nos) (?:services|produits|modeles)\b`],
  data: [
    String.raw`\b(?:vos|leurs|nos|mes|tes|ses|votre|leur|notre) (?:[\w'-]+ ){0,2}?${STUFF}\b`,
    String.raw`\b${STUFF} (?:[\w'-]+ ){0,2}?(?:des|de ses|de leurs|de|d') ?(?:[\w'-]+ )?${PEOPLE}\b`,
    String.raw`\b(?:fichiers|photos|videos|documents) (?:envoyes|televerses|partages|importes)\b`,
    String.raw`\bce que vous (?:publiez|partagez|ecrivez|envoyez|dites)\b`,
    String.raw`\b(?:donnees (?:personnelles|des (?:utilisateurs|internautes|clients|membres)|utilisateurs|clients|a caractere personnel)|contenus? publics?|publications? publiques|messages? prives|historique des conversations)\b`,
    String.raw`\b(?:facebook|instagram|linkedin|reddit|twitter|x|threads|whatsapp|youtube)\b[^.!?]{0,12}\b(?:publications|posts|donnees|contenus?|messages|photos)\b`,
  ],
  content: [String.raw`\b(?:contenus?|visioconferences|documents|appels|reunions|enregistrements|conversations|discussions|messages|photos|images|videos|publications|posts|e-mails|courriels|voix|commentaires|donnees)\b`],
  personal: [String.raw`\b(?:discussions|conversations|appels|reunions|messages|e-?mails|courriels|enregistrements|fichiers|documents|publications|posts|tweets|commentaires|reponses|echanges)\b`],
  privacy: [String.raw`\b(?:base legale|interet legitime|vie privee|protection des donnees|rgpd|donnees personnelles|confidentialite)\b`],
  optout: [
    String.raw`\b(?:s'opposer|opposer|opposition|droit d'opposition|refuser|refus|consentement|desactiver|desactivation|parametres?|date limite|par defaut|formulaire|opt-?out)\b`,
    String.raw`\bcomment (?:refuser|s'opposer|eviter|empecher|desactiver|proteger)\b`,
  ],
  policy: [
    String.raw`\b(?:conditions (?:generales )?d'utilisation|cgu|politique de confidentialite|regles de confidentialite)\b`,
    String.raw`\b(?:nouvelles?|mise a jour|modifi\w+|change\w+) (?:\w+ ){0,2}(?:conditions|politique|regles)\b`,
  ],
  legal: [
    String.raw`\b(?:plaintes?|porte plainte|poursuites?|poursuivi\w*|proces|tribunal|justice|cour|jugement|enquete\w*|sanction\w*|amendes?|interdi\w+|bloqu\w+|suspend\w*|suspension|mise en demeure|ordonn\w+|autorite|regulateur\w*|gendarme|cnil|avertissement|pause|stopp\w+|renonce\w*|recours|illegal\w*|illicite|base legale|interet legitime|action collective|accus\w+|condamn\w+|saisi\w*)\b`,
  ],
  deny: [String.raw`\b(?:ne|n') ?(?:[\w']+ )?(?:pas|plus|jamais)\b`, String.raw`\b(?:dement\w*|assure que|precise que|clarifi\w+|reconnait|admet|confirme)\b`],
  deal: [String.raw`\b(?:accords?|licences?|partenariat|payer|paye|payant|vend\w*|monnay\w+|monnai\w*|factur\w+)\b`],
  copyright: [String.raw`\b(?:droits? d'auteur|editeurs|auteurs|presse|journaux|medias|le monde|contrefacon|new york times|getty|livres)\b`],
  crawler: [String.raw`\b(?:robots? d'exploration|crawlers?|aspir\w+|moissonn\w+|scraping|gptbot|robots\.txt)\b`],
  face: [String.raw`\b(?:reconnaissance faciale|clearview|pimeyes)\b`],
  offtopic: [
    String.raw`\b(?:lance\w*|devoil\w+|presente\w*|levee de fonds|leve|valorisation|puces?|semi-conducteurs|nvidia|fuite|piratage|cyberattaque|cookies?|rancongiciel|rachat|rachete|acquisition|bourse|chiffre d'affaires|test)\b`,
  ],
};
