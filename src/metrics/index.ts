export { Metrics, noopMetrics, type PipelineMetrics, type PollResult, type DeliveryResult, type MetricsOptions } from './metrics.js';
export { countOutbox, DELIVERY_STATES, type OutboxCounts } from './outbox-depth.js';
