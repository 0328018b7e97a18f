import path from 'node:path';

/**
 * Deployment settings, read once from the environment. Every setting has a default that runs the sample city;
 * docs/configuration.md lists them.
 */
export interface DeploymentConfig {
  /** Path of the warehouse DuckDB file the ETL writes and the dashboard reads. */
  databasePath: string;
  /** IANA zone that every stored timestamp is expressed in (wall-clock time of the deployment). */
  timeZone: string;
  /** GB/T 2260 code (or any region code of a loaded hierarchy) of the area the deployment covers. */
  regionCode: string;
  /** File holding the per-installation key for caller hashes; kept outside the database on purpose. */
  secretPath: string;
  /** The appeal-category classifier (lib/analytics/text, docs/text.md); optional so hand-built configs still work. */
  classifierModelPath?: string;
  /**
   * The application database (lib/appdb): user-entered state such as the planners' workflow, kept apart from the
   * warehouse so that reloading exports never touches it. Optional so hand-built configs still work.
   */
  appDbPath?: string;
  /**
   * A load recounts only the days it touched unless they hold more than this share of all tickets, when rebuilding
   * every rollup is as quick (etl/load/rollups-changed.ts). 0 always rebuilds; 1 never falls back for size.
   */
  rollupRebuildShare?: number;
  /**
   * A full rollup rebuild builds a rollup only when it holds at most this share of the rows of the table that would
   * answer its questions instead (etl/load/rollup-plan.ts). 1 builds every rollup.
   */
  rollupKeepShare?: number;
}

function shareSetting(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const share = Number(value);
  if (!Number.isFinite(share) || share < 0 || share > 1) {
    throw new Error(`${name} must be a number from 0 to 1 (a share), not "${value}"`);
  }
  return share;
}

export function loadConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
): DeploymentConfig {
  // turbopackIgnore: these are run-time paths of the deployment, not files to bundle.
  const databasePath = path.resolve(/*turbopackIgnore: true*/ env.HOTLINE_DB ?? 'data/hotline.duckdb');
  return {
    databasePath,
    timeZone: env.HOTLINE_TZ ?? 'Asia/Shanghai',
    regionCode: env.HOTLINE_REGION ?? '511500',
    secretPath: path.resolve(
      /*turbopackIgnore: true*/ env.HOTLINE_SECRET_FILE ??
        path.join(path.dirname(databasePath), 'hotline.secret'),
    ),
    classifierModelPath: path.resolve(
      /*turbopackIgnore: true*/ env.HOTLINE_CLASSIFIER_MODEL ??
        path.join(path.dirname(databasePath), 'models', 'category-classifier.json'),
    ),
    appDbPath: path.resolve(
      /*turbopackIgnore: true*/ env.HOTLINE_APP_DB ??
        path.join(path.dirname(databasePath), 'app', 'events.jsonl'),
    ),
    rollupRebuildShare: shareSetting('HOTLINE_ROLLUP_REBUILD_SHARE', env.HOTLINE_ROLLUP_REBUILD_SHARE, 0.25),
    rollupKeepShare: shareSetting('HOTLINE_ROLLUP_KEEP_SHARE', env.HOTLINE_ROLLUP_KEEP_SHARE, 0.5),
  };
}
