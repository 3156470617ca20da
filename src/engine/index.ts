export type { Candidate, Chunk, ChunkOrigin, MatcherOptions, SuppressionPolicy } from './types.js';
export type { ChunkScan, Matcher } from './matcher.js';
export { createMatcher, INLINE_ALLOW_MARKER } from './matcher.js';
export { shannonEntropy } from './entropy.js';
export { isPlaceholder } from './placeholders.js';
export { VALIDATOR_NAMES } from './validators/index.js';
export { scanChunks } from './scan.js';
