import type { Lexicon } from './types.js';
import { both, near } from './util.js';

// Portuguese, Brazilian and European spellings (folded).
const AI = String.raw`(?:\bia\b|inteligencia artificial|\bmodelos?\b|chatbots?|algoritmos?|aprendizado de maquina|aprendizagem automatica|grok|gemini|chatgpt|llama|claude|copilot|meta ai|bard|firefly|midjourney|dall-?e|stable diffusion|openai|anthropic|perplexity|deepseek|mistral ai)`;
// Narrow AI mention (no bare "model"/"algorithm"): used where AI is the only link to the story.
const AIS = String.raw`(?:modelos globais|aprendizado de maquina|aprendizagem automatica|\bia\b|inteligencia artificial|modelos? de linguagem|\bchatbots?\b|chatgpt|\bgemini\b|\bgrok\b|\bllama\b|\bclaude\b|\bcopilot\b|\bmeta ai\b|bard|firefly|midjourney|dall-?e|stable diffusion|openai|anthropic|perplexity|deepseek|mistral ai)`;
const PEOPLE = String.raw`(?:usuari\w+|utilizadores|clientes|membros|pessoas|consumidores|assinantes|criancas|menores|europeus|brasileiros|portugueses|funcionarios|criadores|artistas|contas)`;
const STUFF = String.raw`(?:dados|publicacoes|posts|postagens|mensagens|chats|conversas|fotos|fotografias|imagens|videos|voz|vozes|gravacoes|conteudos?|comentarios|perfis|arquivos|ficheiros|documentos|interacoes|obras|informacoes|chamadas|reunioes|designs|projetos|e-?mails|tuites|tweets|blogs?)`;

export const pt: Lexicon = {
  ai: [AIS],
  train: [
    String.raw`\bempresas de (?:ia|inteligencia artificial) (?:\w+ ){0,2}?(?:usem|usam|utilizem|utilizam|treinem|treinam) (?:com )?(?:seu|seus|sua|suas)\b`,
    String.raw`\buso (?:de|dos|das) (?:\w+ )?(?:dados|conteudos?|conversas|mensagens) (?:no|para o|para|em) (?:treinamento|treino)\b`,
    String.raw`\b(?:dados|conteudos?|publicacoes|mensagens|conversas|arquivos|respostas)\b[^.!?;]{0,30}\bpara (?:os )?seus (?:proprios )?modelos\b`,
    String.raw`\buso (?:de|dos|das|de seus|de suas) (?:\w+ ){0,2}?(?:dados|conteudos?|publicacoes|fotos|mensagens) (?:\w+ ){0,2}?(?:pela|pelo|por|para) (?:a |o |sua |seu )?${AI}`,
    String.raw`\bpara (?:desenvolver|construir|melhorar|aprimorar|treinar|alimentar) (?:seus |sua |seu |suas |os |as |o |a )?(?:proprios? |propria )?${AI}`,
    near(AIS, String.raw`\b(?:aprende|aprendera|aprender|aprendem)\b`, 20),
    String.raw`\b(?:dados|conteudos?|publicacoes|postagens|fotos|imagens|mensagens|chats|conversas|videos|arquivos|ficheiros|documentos|comentarios|perfis|posts|obras|trabalhos?)\b[^.!?;]{0,40}\b(?:para|na|no|em) (?:a |o |as |os |sua |seu |suas |seus |propria |nova )*(?:ia generativa\b|ia\b|inteligencia artificial|aprendizado de maquina|aprendizagem automatica|grok|gemini|bard|meta ai|chatbots?|llama|claude|chatgpt|firefly|midjourney)`,
    ...both(String.raw`\b(?:re)?trein\w*\b`, AI),
    String.raw`\bpara (?:re)?treinar\b`,
    String.raw`\bdados (?:de|para) (?:treinamento|treino)\b`,
    near(String.raw`\b(?:aliment\w*|nutri\w*)\b`, AI, 30),
    String.raw`\b(?:melhorar|melhora|aprimorar|aprimora|aprimoramento|melhoria)\b (?:de |do |da |dos |das )?(?:a |o |os |as |sua |seu |seus |suas )?${AI}`,
  ],
  trainWeak: [
    String.raw`\b(?:re)?trein(?:ar|a|am|ou|ado|amento|o)\b`,
    String.raw`\b(?:melhorar|aprimorar) (?:os )?(?:seus|nossos) (?:servicos|produtos|modelos)\b`],
  data: [
    String.raw`\b(?:seus|suas|teus|tuas|nossos|meus|sua|seu|os seus|as suas) (?:[\w-]+ ){0,2}?${STUFF}\b`,
    String.raw`\b${STUFF} (?:[\w-]+ ){0,2}?(?:de|dos|das|do|da|de seus|de suas) (?:[\w-]+ )?${PEOPLE}\b`,
    String.raw`\b(?:arquivos|ficheiros|fotos|videos|documentos) (?:enviados|carregados|compartilhados|partilhados)\b`,
    String.raw`\bo que (?:voce )?(?:publica|posta|compartilha|partilha|envia|escreve)\b`,
    String.raw`\b(?:dados pessoais|publicacoes publicas|conteudos? publicos?|mensagens privadas|historico de conversas)\b`,
    String.raw`\b(?:publicacoes|posts|postagens|dados|conteudos?|mensagens|fotos) (?:do|no|de|na) (?:facebook|instagram|linkedin|reddit|twitter|x|threads|whatsapp|youtube)\b`,
  ],
  content: [String.raw`\b(?:conteudos?|videochamadas|ficheiros|documentos|chamadas|reunioes|gravacoes|chats|conversas|mensagens|fotos|imagens|videos|publicacoes|posts|e-mails|voz|comentarios|dados)\b`],
  personal: [String.raw`\b(?:chats|conversas|chamadas|reunioes|mensagens|e-?mails|gravacoes|arquivos|ficheiros|documentos|publicacoes|postagens|posts|comentarios|respostas)\b`],
  privacy: [String.raw`\b(?:base legal|interesse legitimo|privacidade|protecao de dados|lgpd|rgpd|dados pessoais)\b`],
  optout: [
    String.raw`\b(?:opor-se|se opor|oposicao|direito de oposicao|consentimento|desativ\w+|configurac\w+|definicoes|prazo|por padrao|formulario|recus\w+|impedir|opt-?out)\b`,
    String.raw`\bcomo (?:evitar|impedir|desativar|se opor|proteger|recusar)\b`,
  ],
  policy: [
    String.raw`\b(?:mud\w+|atualiz\w+|alter\w+|nov[oa]s?) (?:\w+ ){0,2}(?:termos|condicoes|politicas?)\b`,
    String.raw`\b(?:termos (?:de uso|de servico|e condicoes)|politicas? de privacidade|politicas?)\b`],
  legal: [
    String.raw`\b(?:anpd|queixa\w*|reclamac\w*|denuncia\w*|processa\w*|processo|acao judicial|tribunal|justica|juiz|sentenca|decisao|investiga\w+|multa\w*|sanc\w+|proib\w+|bloque\w+|suspend\w+|suspensao|suspensa|interromp\w+|ordem|ordena|autoridade|regulador\w*|ilegal|base legal|interesse legitimo|acao coletiva|idec|notific\w+|acus\w+|medida preventiva|cnpd)\b`,
  ],
  deny: [String.raw`\b(?:nao|nunca|nega\w*|desmente\w*|esclarec\w+|admite|confirma|reconhece)\b`],
  deal: [String.raw`\b(?:venda|licenc\w+|acordo\w*|parceria|pag\w+|cobr\w+|vend\w+)\b`],
  copyright: [String.raw`\b(?:direitos autorais|direito de autor|copyright|editoras|autores|jornais|imprensa|new york times|getty|livros)\b`],
  crawler: [String.raw`\b(?:rastreador\w*|crawlers?|raspagem|scraping|robots\.txt|gptbot)\b`],
  face: [String.raw`\b(?:reconhecimento facial|clearview|pimeyes)\b`],
  offtopic: [
    String.raw`\b(?:lanca\w*|lancamento|apresenta\w*|estreia|financiamento|rodada|avaliacao|chips?|semicondutores|nvidia|vazamento|invasao|hacker|ataque cibernetico|cookies|aquisicao|bolsa|acoes)\b`,
  ],
};
