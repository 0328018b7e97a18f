import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSampleWarehouse } from '../support/sample-warehouse';
import { query } from '../support/warehouse';

/**
 * The recurring step on the committed sample city (20,000 appeals, 2024–2025) against its planted ground truth: the
 * 20 repeat callers, the flooding crossing and the noisy market (place-based), the 50 appeals sent twice through two
 * channels (text), and no large clusters among background appeals. Ground-truth ids are source ids; the warehouse
 * prefixes them with the system (`cn-12345:YB…`), so members are matched on `tickets.source_id`.
 */
const truth = JSON.parse(readFileSync('data-samples/ground-truth.json', 'utf8')) as {
  hotspots: {
    persistent: { id: string; categoryCode: string; address: string; ticketIds: string[] }[];
    emerging: { ticketIds: string[] }[];
  };
  repeatCallers: { id: string; categoryCode: string; ticketIds: string[] }[];
  crossChannelDuplicates: { id: string; ticketIds: string[] }[];
};

interface MemberRow {
  issue_id: string;
  kind: string;
  category_l2: string | null;
  label: string | null;
  source_id: string;
}

let members: MemberRow[] = [];
let cleanup = () => {};
let config: Awaited<ReturnType<typeof buildSampleWarehouse>>['config'];

beforeAll(async () => {
  ({ config, cleanup } = await buildSampleWarehouse('recurring', { analytics: ['recurring'] }));
  members = await query<MemberRow>(
    config,
    `SELECT m.issue_id, i.kind, i.category_l2, i.label, t.source_id
     FROM recurring_members m JOIN recurring_issues i USING (issue_id) JOIN tickets t USING (ticket_id)`,
  );
}, 180_000);
afterAll(() => cleanup());

/** Issues of a kind, each with the set of its members' source ids. */
function issuesOf(kind: string): Map<string, Set<string>> {
  const issues = new Map<string, Set<string>>();
  for (const row of members.filter((m) => m.kind === kind)) {
    const set = issues.get(row.issue_id) ?? new Set<string>();
    set.add(row.source_id);
    issues.set(row.issue_id, set);
  }
  return issues;
}

describe('recurring issues on the sample city', () => {
  it('finds every planted repeat caller (一人多诉) with all of its appeals as members', () => {
    const callers = issuesOf('caller');
    const found = truth.repeatCallers.filter((planted) =>
      [...callers.values()].some((ids) => planted.ticketIds.every((id) => ids.has(id))),
    );
    expect(found.length).toBe(truth.repeatCallers.length);
    // Nothing else: background callers do not call three times about one problem in the sample.
    expect(callers.size).toBe(truth.repeatCallers.length);
  });

  it('finds the flooding crossing and the noisy market as place-based issues of their category', () => {
    const places = issuesOf('place');
    for (const planted of truth.hotspots.persistent) {
      const match = [...places.entries()].find(([id]) =>
        members.some((m) => m.issue_id === id && m.label === planted.address),
      );
      expect(match, planted.id).toBeDefined();
      const [id, ids] = match!;
      expect(id.startsWith(`place:${planted.categoryCode}:`)).toBe(true);
      // Appeals through the web board carry no address: the ones with a place are all found, none foreign.
      const plantedIds = new Set(planted.ticketIds);
      expect([...ids].every((sourceId) => plantedIds.has(sourceId))).toBe(true);
      expect(ids.size / plantedIds.size).toBeGreaterThan(0.6);
    }
  });

  it('places every place-based issue at a planted site or a planted repeat caller, none in the background', () => {
    const planted = new Set([
      ...truth.hotspots.persistent.flatMap((s) => s.ticketIds),
      ...truth.hotspots.emerging.flatMap((s) => s.ticketIds),
      ...truth.repeatCallers.flatMap((c) => c.ticketIds),
    ]);
    for (const [id, ids] of issuesOf('place')) {
      const share = [...ids].filter((sourceId) => planted.has(sourceId)).length / ids.size;
      expect(share, id).toBe(1);
    }
  });

  it('groups each cross-channel duplicate pair into one text cluster, with few and small false clusters', () => {
    const clusters = [...issuesOf('text').values()];
    const recalled = truth.crossChannelDuplicates.filter((pair) =>
      clusters.some((ids) => pair.ticketIds.every((id) => ids.has(id))),
    );
    // Clusters made only of background appeals (no planted signal at all) are false clusters.
    const planted = new Set([
      ...truth.crossChannelDuplicates.flatMap((d) => d.ticketIds),
      ...truth.hotspots.persistent.flatMap((s) => s.ticketIds),
      ...truth.hotspots.emerging.flatMap((s) => s.ticketIds),
      ...truth.repeatCallers.flatMap((c) => c.ticketIds),
    ]);
    const falseClusters = clusters.filter((ids) => [...ids].every((id) => !planted.has(id)));
    const precision = (clusters.length - falseClusters.length) / clusters.length;
    const recall = recalled.length / truth.crossChannelDuplicates.length;
    console.info(
      JSON.stringify({
        textClusters: clusters.length,
        falseClusters: falseClusters.length,
        precision,
        recall,
      }),
    );
    expect(recall).toBeGreaterThanOrEqual(0.9);
    expect(Math.max(0, ...falseClusters.map((ids) => ids.size))).toBeLessThanOrEqual(3);
    expect(falseClusters.length).toBeLessThan(0.5 * clusters.length);
  });

  it('keeps issue ids stable: derived from kind, category and place or caller, not row numbers', async () => {
    const rows = await query<{ issue_id: string; kind: string; category_l2: string }>(
      config,
      'SELECT issue_id, kind, category_l2 FROM recurring_issues',
    );
    for (const row of rows.filter((r) => r.kind !== 'text')) {
      expect(row.issue_id).toMatch(new RegExp(`^${row.kind}:${row.category_l2}:[0-9a-f]{16}$`));
    }
    expect(new Set(rows.map((r) => r.issue_id)).size).toBe(rows.length);
  });
});
