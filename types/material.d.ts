// Globals the page scripts use that no library declares.

/** Material for MkDocs' observable of page loads (fires on every instant-navigation page too). */
declare const document$: { subscribe(callback: () => void): unknown };

interface Window {
  /** Tests shorten the time-out after which a Python that never became ready counts as failed. */
  ASESMEN_TIMEOUT_MS?: number;
}
