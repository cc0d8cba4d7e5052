// Finds the opt-out instructions an article itself gives ("go to Settings …
// turn off …", "accédez à … désactivez …", "öffnen Sie … deaktivieren Sie …")
// so the alert can quote them, attributed, beside the KB steps.
import { isBoilerplate } from './boilerplate.js';
import { splitParagraphs, splitSentences } from './sentences.js';
import { cutAtWord, fold } from './text.js';

interface LangCues {
  nav: RegExp; // moving through the UI
  act: RegExp; // the refusing action
  place: RegExp; // settings-like places
}

// Patterns run on accent-folded, lower-cased text.
const CUES: Record<string, LangCues> = {
  en: {
    nav: /\b(go to|head (to|over to)|navigate to|open|tap( on)?|click( on)?|select|choose|scroll (down )?to|visit|find)\b/,
    act: /\b(turn(ing)? off|toggle off|switch off|disable|untick|uncheck|deselect|opt out|slide the toggle|submit (an|the) objection|set .{1,40} to (off|disabled))\b/,
    place: /\b(settings|privacy|preferences|data controls|account|menu|profile)\b/,
  },
  fr: {
    nav: /\b(accedez|allez|rendez-vous|ouvrez|cliquez|appuyez|selectionnez|touchez|choisissez|faites defiler|rendez vous)\b/,
    act: /\b(desactivez|decochez|desactiver|decocher|basculez .{1,30} sur (non|off)|opposez-vous|remplissez le formulaire|envoyez)\b/,
    place: /\b(parametres|confidentialite|preferences|reglages|compte|profil|menu)\b/,
  },
  de: {
    nav: /\b(offnen sie|oeffnen sie|gehen sie|tippen sie|klicken sie|wahlen sie|navigieren sie|rufen sie|scrollen sie)\b/,
    act: /\b(deaktivieren sie|schalten sie .{1,60} aus|entfernen sie den haken|widersprechen sie|deaktivieren|ausschalten)\b/,
    place: /\b(einstellungen|datenschutz|konto|profil|menu)\b/,
  },
  es: {
    nav: /\b(ve a|vaya a|accede a|acceda a|abre|abra|pulsa|pulse|toca|toque|haz clic|haga clic|selecciona|seleccione|entra en)\b/,
    act: /\b(desactiva|desactive|desmarca|desmarque|desactivar|apaga)\b/,
    place: /\b(configuracion|ajustes|privacidad|cuenta|perfil|menu)\b/,
  },
  it: {
    nav: /\b(vai (su|a|in|nelle)|apri|tocca|clicca|seleziona|accedi a|entra in)\b/,
    act: /\b(disattiva|deseleziona|disabilita|disattivare|togli la spunta)\b/,
    place: /\b(impostazioni|privacy|account|profilo|menu)\b/,
  },
  nl: {
    nav: /\b(ga naar|open|tik op|klik op|selecteer|kies)\b/,
    act: /\b(schakel .{1,60} uit|zet .{1,60} uit|vink .{1,60} uit|uitschakelen|uitzetten|maak bezwaar)\b/,
    place: /\b(instellingen|privacy|account|profiel|menu)\b/,
  },
  pt: {
    nav: /\b(va (para|a|em|ate)|acesse|aceda|abra|toque|clique|selecione|entre em)\b/,
    act: /\b(desative|desmarque|desativar|desligue|desligar)\b/,
    place: /\b(configuracoes|definicoes|privacidade|conta|perfil|menu)\b/,
  },
};

// UI paths written with arrows or chevrons: "Settings > Privacy > …".
const PATH = /[^\s>→»›]+\s*(>|→|›)\s*[^\s>→»›]+/;

export function isInstruction(sentence: string, lang?: string): boolean {
  const f = fold(sentence);
  const langs = lang && CUES[lang] ? [lang, ...Object.keys(CUES).filter((l) => l !== lang)] : Object.keys(CUES);
  for (const l of langs) {
    const c = CUES[l]!;
    const nav = c.nav.test(f);
    const act = c.act.test(f);
    const place = c.place.test(f);
    if ((nav && act) || (act && place) || (nav && place && PATH.test(sentence))) return true;
  }
  return false;
}

// "1. Open the app", "2) Tap Settings", "- Turn off …": how-to articles list steps.
const LIST_ITEM = /^\s*(?:\d{1,2}[.)]|[-•*–])\s+\S/;

function cueCount(text: string, lang?: string): number {
  const f = fold(text);
  const c = (lang && CUES[lang]) || CUES.en!;
  return [c.nav, c.act, c.place].filter((re) => re.test(f)).length;
}

/** Consecutive list items that together read as instructions, joined into one quote. */
function listBlocks(text: string, lang?: string): string[] {
  const out: string[] = [];
  let block: string[] = [];
  const flush = () => {
    const joined = block.join(' ');
    if (block.length >= 2 && (isInstruction(joined, lang) || cueCount(joined, lang) >= 2)) out.push(joined);
    block = [];
  };
  for (const p of splitParagraphs(text)) {
    if (LIST_ITEM.test(p) && p.length <= 200) block.push(p);
    else flush();
  }
  flush();
  return out;
}

export function extractSteps(text: string | undefined, lang?: string, max = 4): string[] {
  if (!text) return [];
  const out: string[] = [];
  const lists = listBlocks(text, lang);
  const inList = (s: string) => lists.some((b) => b.includes(s));
  for (const b of lists) {
    if (out.length < max) out.push(cutAtWord(b, 400));
  }
  for (const s of splitSentences(text)) {
    if (out.length >= max) break;
    if (s.length < 15 || isBoilerplate(s) || inList(s)) continue;
    if (!isInstruction(s, lang)) continue;
    const quote = cutAtWord(s, 300);
    if (!out.includes(quote)) out.push(quote);
  }
  return out;
}
