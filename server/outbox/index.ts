export type { ClaimedNotification, DeliveryHandler, DeliveryOutcome, NotificationKind } from './Delivery.js';
export { backoffDelay, startOutboxWorker, type DeliveryHandlers, type OutboxWorker, type OutboxWorkerOptions } from './outboxWorker.js';
export { startOutboxWorkers, type OutboxWorkers } from './startOutboxWorkers.js';
export { deliveryHandlers } from './handlers.js';
export { wakeOutboxWorkers } from './wakeUp.js';
