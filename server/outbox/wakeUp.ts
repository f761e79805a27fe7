/**
 * Wakes this process's outbox workers when a transaction that queued notifications commits, so that they
 * deliver at once instead of at their next poll. Workers of other processes still find the rows by polling.
 */
const listeners = new Set<() => void>();

/** Called by `enqueue` once the transaction commits; harmless when no worker runs here. */
export function wakeOutboxWorkers(): void {
  for (const listener of listeners) listener();
}

/** A worker listens for as long as it runs; the returned function stops listening. */
export function onOutboxWakeUp(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
