import type { Lexicon } from './types.js';
import { both, near } from './util.js';

// English. Also merged into every other language: European tech press borrows
// "opt-out", "AI", "training data" and product names untranslated.
const W = String.raw`(?:[\w'-]+\s+){0,4}?`;
const AI = String.raw`(?:ai|a\.i\.|artificial intelligence|gen ?ai|generative(?: ai)?|llms?|(?:large )?language models?|(?:ai |ml |foundation |its |their )?models?|chatbots?|machine[- ]learning|neural networks?|algorithms?|grok|gemini|bard|chatgpt|gpt[-\w.]*|llama|claude|copilot|firefly|midjourney|(?:ai |image |art )?generators?|assistants?|alexa|siri|meta ai)`;
// Narrow AI mention (no bare "model"/"algorithm"): used where AI is the only link to the story.
const AIS = String.raw`(?:\bai\b|\ba\.i\.|artificial intelligence|\bgen ?ai\b|\bgenerative ai\b|\bllms?\b|large language models?|\bchatbots?\b|machine[- ]learning|neural networks?|\bgrok\b|\bgemini\b|\bbard\b|chatgpt|\bgpt-?\d[\w.]*|\bllama\b|\bclaude\b|\bcopilot\b|\bfirefly\b|midjourney|stable diffusion|\bdall-?e\b|\bmeta ai\b|\bai models?\b|\blanguage models?\b|\bai-\w+|\bopenai\b|\banthropic\b|\bxai\b|\bdeepseek\b|\bmistral ai\b|\bperplexity\b|\bvoice assistants?\b|\balexa\b|\bsiri\b|\bml models?\b|\bml\b|global models)`;
// Verb forms only: "train" as a noun (rail) is excluded by what follows it.
const TRAIN_V = String.raw`(?<!how to )(?<!how )(?:(?:\b(?:to|will|can|could|would|not|also|help|helps|and|or|it|they|we|you)|n't|n’t) (?:re)?train|\b(?:re|pre-?)?train(?:s|ed|ing))\b(?! (?:aircraft|camps?|course|courses|sessions?|programs?|programmes?|wheels|exercises?|cent(?:er|re)s?|facility|manual|videos?|plans?|day|ground|station|tracks?|crash|derail\w*))`;
const PEOPLE = String.raw`(?:users?|users'|customers?|customers'|members?|members'|people|people's|individuals|consumers?|subscribers?|clients?|patients?|children|children's|kids|kids'|minors|teens|employees|creators?|artists?|writers|musicians|actors|narrators|photographers|fans|listeners|viewers|europeans|americans|brits|britons|brazilians|account holders)`;
const STUFF = String.raw`(?:data|information|info|content|posts?|messages?|chats?|conversations?|photos?|images?|pictures?|videos?|voices?|recordings?|audio|files?|documents?|profiles?|emails?|comments?|prompts?|transcripts?|works|artwork|art|code|questions|answers?|calls?|meetings?|dms|texts?|writing|uploads?|interactions|activity|history|faces?|selfies?|likes|searches|queries|inputs?|designs?|notes|photographs|blogs?|stories|tweets|gmail|inbox|drafts|projects|activity data|usage data)`;

export const en: Lexicon = {
  ai: [AIS],
  train: [
    String.raw`\b(?:ai|a\.i\.) (?:companies|firms|developers|labs|giants|bots|crawlers) (?:\w+ ){0,2}?(?:use|using|to use|uses|scrap\w+|train on|training on|harvest\w*) (?:your|their|its users'?|users'?|people'?s)\b`,
    String.raw`\bbeing used (?:by|for|to train) (?:\w+ ){0,2}?${AI}\b`,
    String.raw`\buse of (?:[\w']+ ){0,2}?(?:data|content|posts|chats|conversations) (?:in|for) (?:ai |model )?training\b`,
    String.raw`\buse of (?:[\w']+ ){0,3}?(?:data|content|posts|photos|messages|information) (?:by|for|in) (?:its |their |the )?${AI}`,
    String.raw`\b(?:data|content|posts|tweets|photos|images|pictures|messages|chats|conversations|information|videos|recordings|files|documents|emails|comments|profiles|uploads|works?|artwork|designs)\b[^.!?;]{0,40}\b(?:for|to power|to build|to develop|to improve|into) (?:its |their |the |his |her |own |new |generative )*(?:ai|a\.i\.|artificial intelligence|generative ai|machine learning|chatbots?|llms?|ai models?|grok|gemini|meta ai|copilot|chatgpt|claude|llama)\b`,
    String.raw`\b(?:data|content|posts|messages|chats|conversations|files|uploads|emails|answers)\b[^.!?;]{0,30}\bfor (?:its|their) (?:own )?(?:ai )?models\b`,
    ...both(TRAIN_V, String.raw`\b${AI}\b`, 40),
    String.raw`(?<!how )\b(?:to|for|used to|using it to|use it to|using them to|used them to) (?:re)?train\b(?! (?:station|tracks?|line|crash|driver|ride))`,
    String.raw`\b(?:ai|model|llm|chatbot|algorithm|machine[- ]learning|generative ai|gen ?ai)[- ]training\b`,
    String.raw`\btraining (?:data|datasets?|sets?|material|corpus|corpora|purposes)\b`,
    ...both(String.raw`\bfine-?tun(?:e|es|ed|ing)\b`, String.raw`\b${AI}\b`, 30),
    near(String.raw`\b(?:feed|feeds|feeding|fed|fuel|fuels|fueled|fuelled)\b`, AIS, 30),
    near(AIS, String.raw`\b(?:is |are )?(?:fueled|fuelled) by\b`, 20),
    String.raw`\bteach(?:es|ing)?\s+${W}${AI}\b`,
    String.raw`\b${AI}\s+(?:\w+\s+){0,2}(?:learn|learns|learning|learned|learnt)\s+from\b`,
    String.raw`\bdata for (?:generative )?ai\b`,
    // "<plural noun> (could) train AI"; written as a lookbehind so matching starts at "train".
    String.raw`(?<=[a-z]s (?:could |would |will |can |may |might |to )?)train (?:\w+ ){0,2}?${AI}\b`,
    String.raw`\bai (?:data )?(?:grab|harvest\w*|land ?grab)\b|\bdata grab\b`,
    String.raw`\bdata for (?:model |service |product )?improvements?\b`,
    String.raw`\b(?:used|use|using|usable) (?:for|in) (?:ai |model |llm )?training\b`,
    String.raw`\b(?:used?|using|uses) (?:\w+ ){0,3}?to (?:build|develop|power|improve|create|teach|feed) (?:\w+ ){0,2}?${AI}\b`,
    near(String.raw`\b(?:harvest\w*|hoover\w*|slurp\w*|mine|mining|mined|scrap(?:e|es|ed|ing))\b`, String.raw`\bfor (?:its |their |the )?${AI}\b`, 40),
    String.raw`\bgenerative ai improvement\b`,
    String.raw`\b(?:ai|data|content)[- ](?:content |data )?licens\w+ (?:deal|agreement|pact|partnership)s?\b`,
  ],
  trainWeak: [
    // "AI plans with users' data", in any of the seven languages (merged everywhere).
    String.raw`\b(?:ai|ia|ki)[- ](?:plans?|plane|projets?|planes|piani|plannen|planos)\b[^.!?;]{0,20}\b(?:with|using|mit|avec|con|met|com)\b`,
    TRAIN_V,
    String.raw`\b(?:improv(?:e|es|ed|ing)|refin(?:e|es|ed|ing))\b (?:its |their |the |our |his |her )?(?:own )?(?:generative )?(?:ai|a\.i\.|artificial intelligence|models?|llms?|chatbots?|algorithms?|machine learning|voice recognition|speech recognition|gemini|copilot|grok|siri|alexa|bard)\b`,
  ],
  data: [
    String.raw`\byour\s+(?:[\w'-]+\s+){0,2}?${STUFF}\b`,
    String.raw`\b(?:users?|customers?|members?|people|individuals|consumers?|subscribers?|clients?|patients?|children|kids?|child|minors|teens|employees|creators?|artists?|writers|musicians|actors|narrators|photographers|fans|listeners|viewers|europeans|americans|brits|britons|brazilians|australians|account holders|everyone|someone)(?:'s|s'|')\s+(?:[\w-]+\s+)?${STUFF}\b`,
    String.raw`\b(?:user|users|customer|member|consumer|subscriber|patient|children|kids) (?:data|content|posts|photos|messages|information|conversations|chats|recordings|files)\b`,
    String.raw`\b(?:their|our|my) ${STUFF}\b`,
    String.raw`\b(?:activity|usage|browsing|location) data\b|\bapps activity\b`,
    String.raw`\b(?:users|creators|artists|customers|members|people|writers|photographers)\b[^.!?;]{0,25}\btheir (?:own )?(?:work|works|content|data|posts|photos|art|designs)\b`,
    String.raw`\b${STUFF}\s+(?:of|from|by|on|belonging to|shared by|uploaded by|posted by)\s+(?:its\s+|their\s+|the\s+|millions of\s+|\w+\s+)?${PEOPLE}`,
    String.raw`\b(?:personal|private|sensitive|customer|user|consumer|biometric|health|behaviou?ral|member)[- ](?:data|information|content|messages|photos|details|audio|video|videos|calls|chats?|conversations|files|documents|recordings|emails|work|works|designs|art|artwork|projects)\b`,
    String.raw`\b(?:user[- ]generated content|ugc|chat (?:history|histories|logs|transcripts)|voice (?:recordings?|data|samples)|public (?:posts|content|data|photos|profiles|comments)|private messages|direct messages|pii)\b`,
    String.raw`\b(?:facebook|instagram|linkedin|reddit|twitter|tweets|tumblr|wordpress|quora|threads|youtube|stack overflow|tiktok|slack|zoom|x|whatsapp|gmail|discord|medium|deviantart|pinterest|snapchat|flickr|alexa|siri|echo|teams|otter|claude|chatgpt|gemini|copilot)(?:'s)?\s+(?:posts|data|content|comments|messages|photos|videos|profiles|conversations|chats|recordings|emails|answers|archives?|users'? (?:data|posts|content))\b`,
    String.raw`\bwhat (?:you|users|people) (?:post|write|share|upload|say|type)\b`,
    String.raw`\b(?:posted|shared|written|uploaded) (?:anything|something) online\b`,
    String.raw`\b(?:data|information|content) (?:from|of|about) (?:the public|anyone|everyone|millions of people|(?:those|people|anyone) who)\b`,
    String.raw`\buploads\b`,
    String.raw`\buploaded (?:files|photos|images|videos|documents|content)\b`,
    String.raw`\b(?:tweets|selfies|(?:posts|photos|comments|captions|images) and (?:photos|comments|images|videos|captions|messages|posts))\b`,
  ],
  content: [String.raw`\b(?:word|excel|powerpoint|onedrive|google docs|google drive|gmail|dropbox)\b|\bpublic(?:ly available)? (?:data|information)\b|\b(?:files|documents|docs|calls|meetings|recordings|chats?|audio|video|conversations|messages|photos|images|videos|posts|uploads|emails|prompts|transcripts|voices?|artwork|answers|comments)\b`],
  personal: [String.raw`\b(?:chats?|conversations|calls|meetings|messages|dms|emails|inbox|voice notes|recordings|uploads|uploaded files|files|documents|posts|tweets|comments|answers|prompts|transcripts)\b`],
  privacy: [String.raw`\b(?:privacy|data protection|gdpr|data[- ]privacy|personal data|personal information|data rights|data collection|data breach(?:es)?|legal basis|legitimate interests?)\b`],
  optout: [
    String.raw`\bopt(?:s|ed|ing)?[- ]?(?:out|in)\b`,
    String.raw`\b(?:right to object|objection\w*|object(?:s|ed|ing)? to)\b`,
    String.raw`\bconsent\w*\b`,
    String.raw`\b(?:allow|allows|allowed|permit|permits) (?:\w+ ){0,2}(?:to be )?used\b|\bpermission\b`,
    String.raw`\b(?:turn|switch)(?:s|ed|ing)? (?:it |this |that )?off\b`,
    String.raw`\bdisabl(?:e|es|ed|ing)\b`,
    String.raw`\b(?:exclu\w+|ausschlie\w+|uitsluit\w+|uit te sluiten|escluder\w*|excluir\w*|exclure)\b|\boption to (?:stop|prevent|block|opt)\b`,
    String.raw`\b(?:toggle|data controls|privacy (?:controls|settings)|settings?)\b`,
    String.raw`\bhow to (?:stop|prevent|opt|delete|hide|disable|turn off|keep|protect|block)\b`,
    String.raw`\b(?:deadline|by default|default|default setting)\b`,
  ],
  policy: [
    String.raw`\b(?:terms of (?:service|use)|terms and conditions|user agreement|tos|t&cs?|privacy (?:policy|policies|notice|terms))\b`,
    String.raw`\b(?:new|updated?|updates|changes?|changed|changing|revis\w+|rewrit\w+|quietly)\s+(?:\w+\s+){0,2}(?:terms|policy|policies)\b`,
    String.raw`\b(?:ai|a\.i\.) (?:terms|policy|policies|clause)\b`,
    String.raw`\b(?:clauses?|clausula|clausola|klausel|clausule|privacy principles)\b`,
    String.raw`\bterms\b[^.!?;]{0,30}\b(?:backlash|outcry|uproar|controversy)\b`,
  ],
  legal: [
    String.raw`\b(?:complaints?|lawsuits?|sue[sd]?|suing|class[- ]action|courts?|judges?|ruling|ruled|injunction|investigat\w+|probes?|probed|probing|inquiry|fine[sd]?(?!-)|regulat(?:e|es|ed|ing|ion)|penalt\w+|bans?|banned|banning|bars?|barred|block(?:s|ed|ing)?|halt(?:s|ed|ing)?|paus(?:e|es|ed|ing)|suspend\w*|suspension|order(?:s|ed)?|lift(?:s|ed)? (?:the |a |its )?(?:ban|suspension)|watchdogs?|regulators?|regulatory|authorit(?:y|ies)|commissioner|supervisory|dpas?|settle\w*|charged|violat\w+|illegal(?:ly)?|unlawful(?:ly)?|legal basis|legitimate interests?|gdpr|task force|scrutiny|challeng\w+|stop(?:s|ped)?|forced?|lawmakers|ftc|legal action|accus\w+|alleg\w+)\b`,
  ],
  deny: [
    String.raw`\b(?:does ?n[o']?t|do ?n[o']?t|did ?n[o']?t|won'?t|will not|would not|is not|isn'?t|are not|aren'?t|never|no longer|denies|denied|deny|clarif\w+|says no|rul\w+ out|refut\w+|pledg\w+ not|promis\w+ not|not (?:be )?used|admits?|admitted|acknowledg\w+|confirms?|confirmed)\b`,
  ],
  deal: [
    String.raw`\b(?:transfer|handing over|hand over|hands over|cession|cesion|cessione|cessao|weitergabe|uberlassung|overdracht|exploitation)\b`,
    String.raw`\b(?:licens\w+|deals?|agreements?|partner(?:s|ed|ing|ships?)?|api access|access to (?:its|their)? ?(?:data|api|content)|charg(?:e|es|ed|ing) (?:\w+ ){0,3}for|pay(?:s|ing)? (?:up|for (?:its |their |the )?(?:access|data|api|content|training|posts))|pony up|sell(?:s|ing)? (?:[\w']+ ){0,2}(?:data|content|posts|answers|photos|images|messages|chats|conversations|tweets|videos|archives?))\b`,
    String.raw`\bshar(?:e|es|ed|ing)\b[^.!?;]{0,40}\bwith (?:ai|openai|google|midjourney|anthropic|microsoft)\b`,
  ],
  copyright: [
    String.raw`\b(?:copyright\w*|infring\w+|authors?|novelists|publishers?|news (?:organi[sz]ations|outlets|publishers|media)|newspapers?|new york times|nyt|getty|fair use|pirat\w+|books|comedians?|music labels?|record labels|journalism)\b`,
  ],
  crawler: [String.raw`\b(?:crawl(?:ers?|ing|s)?|gptbot|ccbot|google-extended|robots\.txt|scrap(?:e|es|ed|ing|ers?)|web bots?|ai bots?|bytespider)\b`],
  face: [String.raw`\b(?:facial[- ]recognition|face[- ]recognition|face[- ]search|clearview|pimeyes|faceprints?|face ?scans?)\b`],
  offtopic: [
    String.raw`\b(?:launch\w*|unveil\w*|debut\w*|rolls? out|rolling out|introduc\w+|releas\w+|raises?|raised|funding|valuation|ipo|investors?|chips?|gpus?|nvidia|semiconductor\w*|earnings|revenue|stock|shares|hack(?:ed|ers?|s)?|ransomware|cookies?|antitrust|breach(?:ed|es)?|leak(?:s|ed|ing)?|acquir\w+|acquisition|layoffs?|review|hands-on|deals? of the|discount|sale|\$\d+ off|record[- ]low price|best \w+ (?:deals|for))\b`,
  ],
};
