import { describe, expect, it } from 'vitest';
import { errorResponse } from './route';

describe('error answers', () => {
  it('answers a missing derived table with 503 and the command that builds it, without the SQL', async () => {
    const error = new Error(
      'Catalog Error: Table with name handling_paths does not exist!\nDid you mean "daily_handling"?\n\n' +
        'LINE 10:      FROM handling_paths p JOIN (SELECT * FROM tickets WHERE received_at',
    );
    const response = errorResponse(error);
    expect(response.status).toBe(503);
    const { error: message } = (await response.json()) as { error: string };
    expect(message).toContain('handling_paths');
    expect(message).toContain('npm run etl -- analyse');
    expect(message).not.toMatch(/SELECT|LINE|daily_handling/);
  });

  it('keeps anything unexpected a bare 500', async () => {
    const response = errorResponse(new Error('Binder Error: Referenced column "x" not found'));
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: 'internal error: the server log has the details' });
  });
});
