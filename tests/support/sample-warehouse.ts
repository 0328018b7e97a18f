import type { AnalyticsSelection } from '../../etl/analytics/steps';
import { sampleExports } from '../../etl/cli/commands/demo';
import type { DeploymentConfig } from '../../lib/config';
import { startDefaultSession } from './session';
import { makeTempDir } from './temp-dir';
import { load, testConfig } from './warehouse';

/**
 * Builds the committed sample city into a fresh warehouse with the real ETL (about 10–15 s) and points the
 * dashboard's read-only connection (lib/db/read-only-warehouse, through HOTLINE_DB) at it, and signs in an analyst
 * for `signedRequest` (tests/support/session.ts). Call in beforeAll,
 * before anything in lib/queries runs; `cleanup` in afterAll.
 */
export async function buildSampleWarehouse(
  prefix: string,
  options: { analytics?: AnalyticsSelection } = {},
): Promise<{ config: DeploymentConfig; cleanup: () => void }> {
  const tmp = makeTempDir(prefix);
  const config = testConfig(tmp.dir);
  const outcome = await load(sampleExports(), config, options);
  const failed = outcome.results.filter((r) => r.status === 'failed');
  if (failed.length > 0) throw new Error(`sample load failed: ${failed.map((r) => r.message).join('; ')}`);
  if (outcome.analyticsError) throw new Error(`sample analytics failed: ${outcome.analyticsError}`);
  process.env.HOTLINE_DB = config.databasePath;
  process.env.HOTLINE_TZ = config.timeZone;
  // The routes need a session: an analyst (everything but administration) signs in for signedRequest.
  await startDefaultSession();
  return { config, cleanup: tmp.cleanup };
}
