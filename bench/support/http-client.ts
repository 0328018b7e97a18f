import http from 'node:http';

/** What a GET answered: the status and how many bytes crossed the wire (compressed, as a browser receives them). */
export interface Answer {
  status: number;
  bytes: number;
}

/**
 * GETs with a session cookie over kept-alive loopback connections, at most `connections` at once. A load benchmark
 * on a 2-core machine shares the CPU with the server it measures, so its client must be light: Node's fetch spends
 * about a millisecond of CPU per request on its streams and decompression, node:http a fraction of that. Answers are
 * not decompressed (a browser's work, not the server's). `accept` is the format asked for, as the browser asks it.
 */
export function keepAliveClient(
  connections: number,
  cookie: string,
): (url: string, accept?: string) => Promise<Answer> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  return (url, accept) =>
    new Promise((resolve, reject) => {
      const headers = { cookie, 'accept-encoding': 'gzip', ...(accept ? { accept } : {}) };
      const request = http.get(url, { agent, headers }, (response) => {
        let bytes = 0;
        response.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, bytes }));
        response.on('error', reject);
      });
      request.on('error', reject);
    });
}
