/**
 * Near-duplicate grouping of appeals by their words: MinHash signatures of each appeal's word set, locality-
 * sensitive hashing (bands of the signature) to find candidate pairs without comparing every pair, and an exact
 * Jaccard check of each candidate pair. Pure: the ETL step feeds it segmented words (docs/recurring.md).
 */

/** 32-bit FNV-1a of a string, the base hash every MinHash permutation is derived from. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Deterministic (a, b) pairs of the universal hashes h(x) = (a·x + b) mod 2^32, from a fixed seed. */
function permutations(count: number): Uint32Array {
  const out = new Uint32Array(count * 2);
  let state = 0x9e3779b9;
  for (let i = 0; i < out.length; i++) {
    // xorshift32: no Math.random, so signatures are the same on every run.
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    out[i] = i % 2 === 0 ? state | 1 : state;
  }
  return out;
}

const permutationCache = new Map<number, Uint32Array>();

/** MinHash signature of a word set: for each of `hashes` permutations, the smallest permuted word hash. */
export function minHashSignature(words: ReadonlySet<string>, hashes: number): Uint32Array {
  let perms = permutationCache.get(hashes);
  if (!perms) {
    perms = permutations(hashes);
    permutationCache.set(hashes, perms);
  }
  const signature = new Uint32Array(hashes).fill(0xffffffff);
  for (const word of words) {
    const x = fnv1a(word);
    for (let i = 0; i < hashes; i++) {
      const h = (Math.imul(perms[2 * i]!, x) + perms[2 * i + 1]!) >>> 0;
      if (h < signature[i]!) signature[i] = h;
    }
  }
  return signature;
}

/** |a ∩ b| / |a ∪ b|; 0 for two empty sets (an appeal with no words is like nothing). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * One appeal to group: its words, a block key (appeals in different blocks never group), a time in hours, and
 * optionally its caller and category: the same caller on the same category (or an unknown one) within the time
 * window is the same appeal sent again even in other words (a hotline call, then a web message in first person).
 */
export interface TextItem {
  words: ReadonlySet<string>;
  block: string;
  hours: number;
  caller?: string | null;
  category?: string | null;
  /** A finer place inside the block (a street): words alone never link two appeals whose streets differ. */
  area?: string | null;
}

export interface NearDuplicateOptions {
  hashes: number;
  bands: number;
  minJaccard: number;
  maxHours: number;
}

/**
 * Calls `visit` with each pair of `bucket`'s items at most `maxHours` apart. The bucket is walked in time order, so
 * the pairs too far apart are never formed: a templated text fills a bucket with thousands of appeals over years,
 * and every pair of them was millions of pairs per bucket on 1M appeals.
 */
function forPairsWithin(
  bucket: readonly number[],
  items: readonly TextItem[],
  maxHours: number,
  visit: (a: number, b: number) => void,
): void {
  if (bucket.length < 2) return;
  const byTime = [...bucket].sort((a, b) => items[a]!.hours - items[b]!.hours || a - b);
  for (let x = 0; x < byTime.length; x++) {
    const a = byTime[x]!;
    for (let y = x + 1; y < byTime.length; y++) {
      const b = byTime[y]!;
      if (items[b]!.hours - items[a]!.hours > maxHours) break;
      visit(a, b);
    }
  }
}

/**
 * Groups items into clusters of near-duplicates: two items are linked when they share a block, lie at most
 * `maxHours` apart and either their word sets have Jaccard ≥ `minJaccard` or they come from the same caller on the
 * same (or an unknown) category; clusters are the connected components (single
 * linkage). Returns the clusters of two or more items as lists of item indexes, each sorted, largest first.
 */
export function nearDuplicateClusters(items: readonly TextItem[], options: NearDuplicateOptions): number[][] {
  const rows = Math.floor(options.hashes / options.bands);
  const buckets = new Map<string, number[]>();
  items.forEach((item, index) => {
    if (item.words.size === 0) return;
    const signature = minHashSignature(item.words, options.hashes);
    for (let band = 0; band < options.bands; band++) {
      const key = `${item.block}\u0001${band}\u0001${signature.subarray(band * rows, (band + 1) * rows).join(',')}`;
      const bucket = buckets.get(key);
      if (bucket) bucket.push(index);
      else buckets.set(key, [index]);
    }
  });
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const byCaller = new Map<string, number[]>();
  items.forEach((item, index) => {
    if (!item.caller) return;
    const key = `${item.block}\u0001${item.caller}`;
    const bucket = byCaller.get(key);
    if (bucket) bucket.push(index);
    else byCaller.set(key, [index]);
  });
  for (const bucket of byCaller.values()) {
    forPairsWithin(bucket, items, options.maxHours, (a, b) => {
      const sameTopic =
        !items[a]!.category || !items[b]!.category || items[a]!.category === items[b]!.category;
      if (sameTopic) parent[find(a)] = find(b);
    });
  }
  for (const bucket of buckets.values()) {
    forPairsWithin(bucket, items, options.maxHours, (a, b) => {
      // Already linked (through this pair in another band, or through others): nothing to check. This, not a set
      // of checked pairs, is what spares repeats: such a set outgrew the 2^24 entries a JS Set holds on 1M appeals.
      if (find(a) === find(b)) return;
      const itemA = items[a]!;
      const itemB = items[b]!;
      if (itemA.area && itemB.area && itemA.area !== itemB.area) return;
      if (jaccard(itemA.words, itemB.words) < options.minJaccard) return;
      parent[find(a)] = find(b);
    });
  }
  const groups = new Map<number, number[]>();
  items.forEach((_, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(i);
    else groups.set(root, [i]);
  });
  return [...groups.values()]
    .filter((g) => g.length > 1)
    .sort((a, b) => b.length - a.length || a[0]! - b[0]!);
}
