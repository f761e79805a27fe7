/**
 * What this tab remembers of a request across its pages (sessionStorage survives a reload and Back, not the
 * tab): the newest version it has seen, and the changes a page left before the server confirmed them.
 */
export interface RequestMemory {
  /** The newest version of the request this tab has seen: a page rendered at an older one is stale. */
  version: number;
  /** Changes the page held when it was hidden: what it last read from the server (`base`, at `baseVersion`) and what it held. */
  pending?: { baseVersion: number; base: Record<string, unknown>; data: Record<string, unknown> };
}

const key = (requestId: string) => `datapass:demande:${requestId}`;

/** What this tab remembers of the request, if anything (storage may be off or full: then nothing). */
export function recall(requestId: string): RequestMemory | undefined {
  try {
    const text = window.sessionStorage.getItem(key(requestId));
    return text ? (JSON.parse(text) as RequestMemory) : undefined;
  } catch {
    return undefined;
  }
}

/** Stores what this tab knows of the request; a failed write only loses the safety net, never the page's data. */
export function remember(requestId: string, memory: RequestMemory): void {
  try {
    window.sessionStorage.setItem(key(requestId), JSON.stringify(memory));
  } catch {
    // Storage off or full: the keepalive save on leaving is then the only net.
  }
}
