/**
 * Answers of the dashboard's aggregate routes, kept in memory for the published warehouse they came from: many
 * readers open the same views (this month, city-wide), and a city's hotline data change only when the ETL publishes
 * a new file. Identical requests arriving together run the query once (the others wait for it), which is what
 * keeps the dashboard answering when fifty readers open the overview at the same time.
 *
 * The key holds everything an answer depends on: the warehouse generation, the viewer's role (what is shaped for
 * it: small counts, texts) and the scoped query (a district office's region is in it), the path and the format.
 * Ticket lists and exports are never cached (they are audited per request). Bounded by bytes, least recently used
 * dropped first.
 */
export interface CachedAnswer {
  body: Uint8Array;
  headers: Record<string, string>;
}

const MAX_BYTES = 64 * 1024 * 1024;
/** Larger answers are not kept (they would push out many small ones). */
const MAX_ENTRY_BYTES = 4 * 1024 * 1024;

const entries = new Map<string, CachedAnswer>();
let bytes = 0;

function remember(key: string, answer: CachedAnswer): void {
  if (answer.body.byteLength > MAX_ENTRY_BYTES) return;
  entries.set(key, answer);
  bytes += answer.body.byteLength;
  for (const [oldKey, old] of entries) {
    if (bytes <= MAX_BYTES) break;
    entries.delete(oldKey);
    bytes -= old.body.byteLength;
  }
}

/** What a route computed: an answer that can be kept, or a finished Response (a file) that cannot. */
export type Computed = { answer: CachedAnswer } | { response: Response };

const inFlightAnswers = new Map<string, Promise<CachedAnswer | null>>();

/**
 * The cached answer for `key`, or the one being computed for it, or a new one from `compute` (kept when it
 * succeeds). `hit` says whether the answer came without running the query here.
 */
export async function cachedAnswer(
  key: string,
  compute: () => Promise<Computed>,
): Promise<Computed & { hit: boolean }> {
  const cached = entries.get(key);
  if (cached) {
    // Map order is insertion order: re-inserting marks it recently used.
    entries.delete(key);
    entries.set(key, cached);
    return { answer: cached, hit: true };
  }
  const pending = inFlightAnswers.get(key);
  if (pending) {
    const shared = await pending.catch(() => null);
    // A file cannot be shared, and a failure is not: ask again.
    if (shared) return { answer: shared, hit: true };
    return { ...(await compute()), hit: false };
  }
  const running = compute();
  const answerOnly = running.then((c) => ('answer' in c ? c.answer : null));
  inFlightAnswers.set(key, answerOnly);
  answerOnly.catch(() => undefined);
  try {
    const computed = await running;
    if ('answer' in computed) remember(key, computed.answer);
    return { ...computed, hit: false };
  } finally {
    inFlightAnswers.delete(key);
  }
}

let generationSeen: number | null = null;

/** Drops every answer of an older warehouse once a newer one is published. */
export function followGeneration(generation: number): void {
  if (generationSeen !== null && generationSeen !== generation) clearAnswers();
  generationSeen = generation;
}

/** Forgets everything (tests). */
export function clearAnswers(): void {
  entries.clear();
  bytes = 0;
}
