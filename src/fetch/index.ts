export { Fetcher, FetchError, USER_AGENT, parseRetryAfter, type FetcherOptions, type FetchOutcome, type FetchStatus, type GetResult } from './fetcher.js';
export { decodeBody, charsetFromContentType, normaliseCharset } from './charset.js';
export { blockedReason, checkHost, guardedLookup, BlockedAddressError, type GuardOptions } from './guard.js';
export { describeHealth, newState, recordFailure, recordSuccess, DEFAULT_HEALTH, type HealthPolicy } from './health.js';
export { Semaphore, HostLimiter } from './limiter.js';
