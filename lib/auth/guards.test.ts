import { describe, expect, it } from 'vitest';
import { auditCsv } from './audit-csv';
import { safeNextPath } from './next-path';
import { RateLimiter } from './rate-limit';
import { checkSameOrigin, RequestRefused, readJsonBody } from './request-guard';
import { contentSecurityPolicy } from './security-headers';

async function status(run: () => unknown): Promise<number | null> {
  try {
    await run();
    return null;
  } catch (error) {
    if (error instanceof RequestRefused) return error.status;
    throw error;
  }
}

describe('checkSameOrigin', () => {
  const post = (headers: Record<string, string>) =>
    new Request('http://atlas.local/api/planning/workflow', {
      method: 'POST',
      headers: { host: 'atlas.local', ...headers },
    });

  it('accepts the dashboard’s own pages and refuses other sites and requests without an origin', async () => {
    expect(await status(() => checkSameOrigin(post({ origin: 'http://atlas.local' })))).toBeNull();
    expect(await status(() => checkSameOrigin(post({ origin: 'http://evil.example' })))).toBe(403);
    expect(
      await status(() =>
        checkSameOrigin(post({ 'sec-fetch-site': 'cross-site', origin: 'http://atlas.local' })),
      ),
    ).toBe(403);
    expect(await status(() => checkSameOrigin(post({})))).toBe(403);
    expect(await status(() => checkSameOrigin(post({ origin: 'null' })))).toBe(403);
  });

  it('refuses bodies over the limit, by header and while reading', async () => {
    const big = 'x'.repeat(70 * 1024);
    const request = (headers: Record<string, string>) =>
      new Request('http://atlas.local/x', {
        method: 'POST',
        headers: {
          host: 'atlas.local',
          origin: 'http://atlas.local',
          'content-type': 'application/json',
          ...headers,
        },
        body: JSON.stringify({ note: big }),
      });
    expect(await status(() => readJsonBody(request({})))).toBe(413);
    expect(await status(() => readJsonBody(request({ 'content-length': '10' })))).toBe(413);
  });
});

describe('safeNextPath', () => {
  it.each([
    ['/map?region=511502', '/map?region=511502'],
    ['//evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example', '/'],
    ['/signin', '/'],
    [null, '/'],
  ])('%s → %s', (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });
});

describe('RateLimiter', () => {
  it('counts per key within the window and says how long to wait', () => {
    const limiter = new RateLimiter(2, 60_000);
    expect([limiter.take('a', 0), limiter.take('a', 1), limiter.take('a', 2), limiter.take('b', 2)]).toEqual([
      null,
      null,
      60,
      null,
    ]);
    expect(limiter.take('a', 60_000)).toBeNull();
  });
});

describe('contentSecurityPolicy', () => {
  it('allows no eval in production, only nonced scripts, and no framing', () => {
    const csp = contentSecurityPolicy('abc', {
      production: true,
      tileUrl: 'https://t{s}.tiles.example/{z}/{x}/{y}.png',
    });
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("img-src 'self' data: blob: https://t*.tiles.example");
  });
});

describe('auditCsv', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    const csv = auditCsv([
      {
        id: '1',
        at: '2026-01-01T00:00:00.000Z',
        type: 'tickets.exported',
        actor: '=HYPERLINK("x")',
        subject: '/api/tickets/export',
        payload: { role: 'analyst', query: 'q=a"b', status: 200 },
      },
    ]);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain('"q=a""b"');
  });
});
