/**
 * Benjamini–Hochberg adjusted p-values (q-values): a test is significant at false-discovery rate α when q ≤ α, and
 * then at most a share α of the significant tests are expected to be false alarms (for independent or positively
 * dependent tests, which neighbouring hotspot tests are). With thousands of cells tested each month, an unadjusted
 * p < 0.05 would flag hundreds of cells by chance alone.
 *
 * q_(i) = min over j ≥ i of (m / j) · p_(j) for the p-values sorted ascending, capped at 1; m is the number of tests.
 * Entries where `include` is 0 are not tests (a neighbourhood with no appeals at all): they are left out of m and
 * get q = 1.
 */
export function benjaminiHochberg(pValues: ArrayLike<number>, include?: ArrayLike<number>): Float64Array {
  const q = new Float64Array(pValues.length).fill(1);
  // Tests with p = 1 take the top ranks and keep q = 1 whatever m is, so only the others need sorting; they still
  // count in m. Sorting the p-values themselves (a native numeric sort, no comparator) and finding each test's rank
  // by binary search is several times faster than sorting indexes, which matters at a few million tests per run.
  let m = 0;
  let k = 0;
  for (let i = 0; i < pValues.length; i++) {
    if (include && !include[i]) continue;
    m++;
    if (pValues[i]! < 1) k++;
  }
  const sorted = new Float64Array(k);
  for (let i = 0, j = 0; i < pValues.length; i++) {
    if ((!include || include[i]) && pValues[i]! < 1) sorted[j++] = pValues[i]!;
  }
  sorted.sort();
  const adjusted = new Float64Array(k);
  let running = 1;
  for (let rank = k; rank >= 1; rank--) {
    running = Math.min(running, (m / rank) * sorted[rank - 1]!);
    adjusted[rank - 1] = running;
  }
  for (let i = 0; i < pValues.length; i++) {
    if ((include && !include[i]) || !(pValues[i]! < 1)) continue;
    // Tied p-values share the adjustment of the highest rank among them: the last position holding the value.
    let lo = 0;
    let hi = k;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! <= pValues[i]!) lo = mid + 1;
      else hi = mid;
    }
    q[i] = adjusted[lo - 1]!;
  }
  return q;
}
