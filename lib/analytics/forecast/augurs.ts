import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { AutoETS, initSync as initEts } from '@bsull/augurs/ets';
import { initSync as initMstl, MSTL } from '@bsull/augurs/mstl';

/**
 * The augurs WASM models (ETS and MSTL), loaded synchronously on first use. The package's default initialisers
 * fetch the .wasm by URL, which Node cannot; the package does not export the .wasm paths, so they are found beside
 * the resolved JS module.
 */
let ready = false;

function wasmBeside(specifier: string, file: string): Buffer {
  const require = createRequire(import.meta.url);
  return readFileSync(require.resolve(specifier).replace(/[^/\\]+\.js$/, file));
}

function init(): void {
  if (ready) return;
  initEts({ module: wasmBeside('@bsull/augurs/ets', 'ets_bg.wasm') });
  initMstl({ module: wasmBeside('@bsull/augurs/mstl', 'mstl_bg.wasm') });
  ready = true;
}

/**
 * Point forecast of augurs' AutoETS: additive errors, no season, the trend (none, additive, damped) chosen by AICc.
 * 'ZZN', which also tries multiplicative errors, took 2–3× as long per fit here.
 */
export function autoEtsForecast(train: readonly number[], horizon: number): number[] {
  init();
  const model = new AutoETS(1, 'AZN');
  try {
    model.fit(Float64Array.from(train));
    return model.predict(horizon).point;
  } finally {
    model.free();
  }
}

/**
 * Point forecast of augurs' MSTL: the series less one STL seasonal component per period, its remainder and trend
 * forecast by AutoETS, the seasonal components repeated. Each period needs two full cycles of history.
 */
export function mstlForecast(
  train: readonly number[],
  periods: readonly number[],
  horizon: number,
): number[] {
  init();
  const model = MSTL.ets(Uint32Array.from(periods));
  try {
    model.fit(Float64Array.from(train));
    return model.predict(horizon).point;
  } finally {
    model.free();
  }
}
