// Recognises page furniture that feeds leak into article text: share prompts,
// "read more" links, newsletter/cookie/subscription notices, bylines, photo
// credits. Such sentences are never chosen for a summary or as steps.

const PATTERNS: RegExp[] = [
  // share / follow
  /\b(share (this|on|via)|tweet this|follow us|partager (sur|cet)|partagez|suivez-nous|teilen sie|jetzt teilen|folgen sie uns|compart(e|ir)|s[ií]guenos|condividi|seguici|deel (dit|via)|volg ons|compartilh|siga-nos)\b/i,
  // read more / related
  /\b(read more|read also|see also|related( articles?)?:|more on this|click here|lire (aussi|la suite|également)|à lire (aussi|également)|voir aussi|en savoir plus|weiterlesen|mehr (dazu|lesen|zum thema)|lesen sie auch|leer m[aá]s|lee tambi[eé]n|m[aá]s informaci[oó]n|leggi (anche|di più)|per saperne di più|lees (ook|meer|verder)|leia (mais|tamb[eé]m)|saiba mais)\b/i,
  // newsletter / subscription / sign-up (anchored on the call to action, not the word "subscription")
  /\b(newsletters?\b|sign up (for|to|now|here|today)|subscribe (to|now|here|for|today)|subscribers? only|inscrivez-vous|abonnez-vous|réservé aux abonnés|jetzt abonnieren|melden sie sich|suscr[ií]bete|iscriviti|abbonati (ora|subito)|abonneer (je|nu)|meld je aan|inscreva-se|assine (já|agora))/i,
  // cookie banners / consent
  /\b(we use cookies|this (site|website) uses cookies|nous utilisons des cookies|utilise des cookies|wir verwenden cookies|verwendet cookies|utilizamos cookies|utilizziamo (i )?cookie|we gebruiken cookies|gebruikt cookies|usamos cookies|accept all|tout accepter|alle akzeptieren|aceptar todo|accetta tutto|alles accepteren|aceitar todos|manage (your )?cookies|gérer les cookies)\b/i,
  // a lone advertising marker
  /^(advertisement|publicité|anzeige|publicidad|pubblicità|advertentie|publicidade)\.?$/i,
  // bylines and credits
  /^(by|par|von|por|di|door|de)\s+\p{Lu}[\p{L}'’-]+(\s+\p{Lu}[\p{L}'’-]+){0,3}(\s*[,|–—-].*)?$/u,
  /^(written|reported|posted|published|updated|mis à jour|publié|aktualisiert|veröffentlicht|actualizado|publicado|aggiornato|pubblicato|bijgewerkt|gepubliceerd|atualizado)\b.{0,60}$/i,
  /\b(photo|image|credit|crédit|bild|foto|imagen|immagine|afbeelding)\s*:/i,
  /(©|\(c\)|all rights reserved|tous droits réservés|alle rechte vorbehalten|todos los derechos|tutti i diritti|alle rechten voorbehouden|getty images|afp photo|reuters\/)/i,
  /\b\d+\s*(min(ute)?s?|minutes?) (read|de lecture|lesezeit|de lectura|di lettura|leestijd|de leitura)\b/i,
  /\b(this (article|story) (was|first|originally)|the post .* appeared first on|cet article (est|a été) (paru|publié))/i,
  /\b(sponsored|sponsoris[ée]|gesponsert|patrocinado|sponsorizzato|gesponsord)\b/i,
  /\b(comments?|commentaires?|kommentare?|comentarios?|commenti|reacties|comentários?)\s*\(\d+\)/i,
  /^(tags?|mots-clés|schlagworte|etiquetas|tag|trefwoorden)\s*:/i,
];

export function isBoilerplate(sentence: string): boolean {
  const s = sentence.trim();
  if (s.length < 3) return true;
  return PATTERNS.some((re) => re.test(s));
}
