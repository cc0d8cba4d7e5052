export { builtinSources } from './builtin.js';
export { loadSources, parseSourcesText, mergeSources, type SourcesFile } from './file.js';
export { parseOpml, toOpml, slugId } from './opml.js';
export { googleNewsUrl, googleNewsSource, type GoogleNewsQuery } from './google-news.js';
export { sourceSlot, dueInWindow } from './spread.js';
