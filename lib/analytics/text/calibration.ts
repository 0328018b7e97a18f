/**
 * Turns class scores into probabilities by temperature scaling (Guo et al. 2017): p = softmax(scores / T), with T
 * chosen to minimise the log-loss of held-out predictions (the cross-validation folds). The ranking of classes is
 * unchanged; only how sure the model says it is changes, so that "confidence ≥ 0.6" means about 60 % or more of
 * such predictions are right.
 */
export function softmaxWithTemperature(scores: ArrayLike<number>, temperature: number): Float64Array {
  const p = new Float64Array(scores.length);
  let max = -Infinity;
  for (let i = 0; i < scores.length; i++) max = Math.max(max, (scores[i] as number) / temperature);
  let sum = 0;
  for (let i = 0; i < scores.length; i++) {
    p[i] = Math.exp((scores[i] as number) / temperature - max);
    sum += p[i] as number;
  }
  for (let i = 0; i < p.length; i++) p[i] = (p[i] as number) / sum;
  return p;
}

/** Held-out examples used to fit the temperature: one number needs no more, and each costs a softmax per step. */
const MAX_CALIBRATION_EXAMPLES = 3000;

/**
 * The temperature with the lowest mean log-loss of `truth` under softmax(scores / T), found by golden-section
 * search on log10 T in [-8, 2] (the loss is unimodal in T). Uses an even spread of at most 3,000 examples.
 * Returns 1 without examples.
 */
export function fitTemperature(scores: readonly ArrayLike<number>[], truth: readonly number[]): number {
  if (scores.length === 0) return 1;
  const stride = Math.max(1, Math.ceil(scores.length / MAX_CALIBRATION_EXAMPLES));
  const picked: number[] = [];
  for (let i = 0; i < scores.length; i += stride) picked.push(i);
  const loss = (logT: number) => {
    const t = 10 ** logT;
    let total = 0;
    for (const i of picked) {
      const p = softmaxWithTemperature(scores[i] as ArrayLike<number>, t)[truth[i] as number] as number;
      total -= Math.log(Math.max(1e-12, p));
    }
    return total / picked.length;
  };
  const ratio = (Math.sqrt(5) - 1) / 2;
  let lo = -8;
  let hi = 2;
  let a = hi - ratio * (hi - lo);
  let b = lo + ratio * (hi - lo);
  let la = loss(a);
  let lb = loss(b);
  while (hi - lo > 0.01) {
    if (la < lb) {
      hi = b;
      b = a;
      lb = la;
      a = hi - ratio * (hi - lo);
      la = loss(a);
    } else {
      lo = a;
      a = b;
      la = lb;
      b = lo + ratio * (hi - lo);
      lb = loss(b);
    }
  }
  return 10 ** ((lo + hi) / 2);
}
