import type { Lexicon } from './types.js';
import { both, near } from './util.js';

// Spanish (folded).
const AI = String.raw`(?:\bia\b|inteligencia artificial|\bmodelos?\b|chatbots?|algoritmos?|aprendizaje automatico|grok|gemini|chatgpt|llama|claude|copilot|meta ai|bard|firefly|midjourney|dall-?e|stable diffusion|openai|anthropic|perplexity|deepseek|mistral ai)`;
// Narrow AI mention (no bare "model"/"algorithm"): used where AI is the only link to the story.
const AIS = String.raw`(?:modelos globales|aprendizaje automatico|\bia\b|inteligencia artificial|modelos? de lenguaje|\bchatbots?\b|chatgpt|\bgemini\b|\bgrok\b|\bllama\b|\bclaude\b|\bcopilot\b|\bmeta ai\b|bard|firefly|midjourney|dall-?e|stable diffusion|openai|anthropic|perplexity|deepseek|mistral ai)`;
const PEOPLE = String.raw`(?:usuari\w+|clientes|miembros|personas|gente|consumidores|suscriptores|ninos|menores|europeos|espanoles|empleados|creadores|artistas|cuentas)`;
const STUFF = String.raw`(?:datos|publicaciones|posts|mensajes|chats|conversaciones|fotos|fotografias|imagenes|videos|voz|voces|grabaciones|contenidos?|comentarios|perfiles|archivos|documentos|interacciones|obras|trabajos?|informacion|llamadas|reuniones|disenos|correos|e-?mails|tuits|tweets|blogs?)`;

export const es: Lexicon = {
  ai: [AIS],
  train: [
    String.raw`\b(?:empresas|companias) de (?:ia|inteligencia artificial) (?:\w+ ){0,2}?(?:usen|utilicen|usan|utilizan|entrenen|entrenan) (?:con )?(?:tu|tus|su|sus)\b`,
    String.raw`\b(?:uso|utilizacion) de (?:sus |tus |los )?(?:\w+ )?(?:datos|contenidos?|conversaciones|mensajes) (?:en el|para el|para) entrenamiento\b`,
    String.raw`\b(?:datos|contenidos?|publicaciones|mensajes|conversaciones|archivos|respuestas)\b[^.!?;]{0,30}\bpara sus (?:propios )?modelos\b`,
    String.raw`\buso (?:de|de los|de las|de sus|de tus) (?:\w+ ){0,2}?(?:datos|contenidos?|publicaciones|fotos|mensajes) (?:\w+ ){0,2}?(?:por|para) (?:la |el |su |sus )?${AI}`,
    String.raw`\bpara (?:desarrollar|construir|mejorar|entrenar|alimentar) (?:su |sus |la |el |los |las )?(?:propi[ao]s? )?${AI}`,
    near(AIS, String.raw`\b(?:aprende|aprendera|aprender|aprenden)\b`, 20),
    String.raw`\b(?:datos|contenidos?|publicaciones|fotos|imagenes|mensajes|chats|conversaciones|videos|archivos|documentos|comentarios|perfiles|tuits|posts|obras|trabajos?)\b[^.!?;]{0,40}\b(?:para|en) (?:la |el |las |los |su |sus |propia |nueva )*(?:ia generativa\b|ia\b|inteligencia artificial|aprendizaje automatico|grok|gemini|bard|meta ai|chatbots?|llama|claude|chatgpt|firefly|midjourney)`,
    ...both(String.raw`\b(?:re)?entren\w*\b`, AI),
    String.raw`\bpara (?:re)?entrenar\b`,
    String.raw`\bdatos de entrenamiento\b`,
    near(String.raw`\b(?:aliment\w*|nutri\w*)\b`, AI, 30),
    String.raw`\b(?:mejorar|mejora|mejorara)\b (?:de )?(?:su |sus |la |el |los |las )?(?:propi[ao]s? )?${AI}`,
  ],
  trainWeak: [
    String.raw`\b(?:re)?entren(?:ar|a|an|ado|amiento)\b`,
    String.raw`\bmejorar (?:sus|nuestros) (?:servicios|productos|modelos)\b`],
  data: [
    String.raw`\b(?:sus|tus|vuestros|nuestros|mis|su|tu) (?:[\w-]+ ){0,2}?${STUFF}\b`,
    String.raw`\b${STUFF} (?:[\w-]+ ){0,2}?(?:de|de sus|de los|de las|del) (?:[\w-]+ )?${PEOPLE}\b`,
    String.raw`\b(?:archivos|fotos|videos|documentos) (?:subidos|compartidos|enviados)\b`,
    String.raw`\blo que (?:subes|publicas|compartes|escribes|dices)\b`,
    String.raw`\b(?:datos personales|publicaciones publicas|contenidos? publicos?|mensajes privados|historial de (?:chats?|conversaciones))\b`,
    String.raw`\b(?:publicaciones|posts|datos|contenidos?|mensajes|fotos) (?:de|en) (?:facebook|instagram|linkedin|reddit|twitter|x|threads|whatsapp|youtube)\b`,
  ],
  content: [String.raw`\b(?:contenidos?|videollamadas|documentos|llamadas|reuniones|grabaciones|chats|conversaciones|mensajes|fotos|imagenes|videos|publicaciones|posts|correos|voz|comentarios|datos)\b`],
  personal: [String.raw`\b(?:chats|conversaciones|llamadas|reuniones|mensajes|correos|e-?mails|grabaciones|archivos|documentos|publicaciones|posts|tuits|comentarios|respuestas)\b`],
  privacy: [String.raw`\b(?:base (?:legal|juridica)|interes legitimo|privacidad|proteccion de datos|rgpd|datos personales)\b`],
  optout: [
    String.raw`\b(?:opon\w+|oposicion|derecho de oposicion|excluirse|consentimiento|desactiv\w+|configuracion|ajustes|plazo|fecha limite|por defecto|formulario|rechaz\w+|negarse|opt-?out)\b`,
    String.raw`\bcomo (?:evitar|impedir|desactivar|oponerse|proteger)\b`,
  ],
  policy: [
    String.raw`\b(?:cambi\w+|actualiz\w+|modific\w+|nuev\w+) (?:\w+ ){0,2}(?:condiciones|terminos|politicas?)\b`,
    String.raw`\b(?:terminos (?:y condiciones|de servicio|de uso)|condiciones de (?:uso|servicio)|politicas? de privacidad|politicas?)\b`],
  legal: [
    String.raw`\b(?:denuncia\w*|demanda\w*|querella|reclamacion\w*|tribunal\w*|juez|sentencia|fallo|investiga\w+|multa\w*|sancion\w*|prohib\w+|bloque\w+|suspend\w+|suspension|paraliz\w+|paus\w+|orden\w*|autoridad|regulador\w*|supervisor\w*|aepd|agencia|ilegal\w*|base legal|interes legitimo|accion colectiva|advert\w+|detener|frena\w*|acus\w+)\b`,
  ],
  deny: [String.raw`\b(?:no|nunca|niega\w*|desmiente\w*|aclara\w*|clarifica\w*|admite|reconoce|confirma)\b`],
  deal: [String.raw`\b(?:venta|licencia\w*|acuerdo\w*|alianza|pag\w+|cobr\w+|vend\w+)\b`],
  copyright: [String.raw`\b(?:derechos de autor|copyright|editores|editoriales|autores|periodicos|medios|prensa|new york times|getty|libros)\b`],
  crawler: [String.raw`\b(?:rastreador\w*|crawlers?|scraping|robots\.txt|gptbot)\b`],
  face: [String.raw`\b(?:reconocimiento facial|clearview|pimeyes)\b`],
  offtopic: [
    String.raw`\b(?:lanza\w*|presenta\w*|estrena\w*|financiacion|ronda|valoracion|chips?|semiconductores|nvidia|filtracion|hackeo|ciberataque|cookies|adquisicion|compra de|bolsa|acciones)\b`,
  ],
};
