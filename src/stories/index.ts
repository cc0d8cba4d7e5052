export { itemFeatures, type Features } from './features.js';
export { StoryIndex, similarity, DEFAULT_THRESHOLD, type StoryEntry, type StoryMember, type ClusterOptions } from './cluster.js';
export { storyIdFor, normaliseStoryId } from './id.js';
export { StoryBook } from './book.js';
