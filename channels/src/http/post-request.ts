import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { BlockedTargetError, isPrivateAddress } from './address-guard';

/** One outgoing HTTP request. */
export interface PostRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs?: number;
  /** When false, private and loopback targets are refused (checked on the resolved address). */
  allowPrivateTargets?: boolean;
}

/** The parts of a response adapters classify. */
export interface PostResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

// The guard runs inside the socket's own DNS lookup, so the address checked is the address
// connected to: a name that resolves to a public IP for a pre-check and a private one later
// (DNS rebinding) cannot slip through.
const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 4);
    const blocked = addresses.find((entry) => isPrivateAddress(entry.address));
    if (blocked) return callback(new BlockedTargetError(blocked.address), '', 4);
    if (options.all) return callback(null, addresses as never, 4);
    const first = addresses[0]!;
    callback(null, first.address, first.family);
  });
};

/** POSTs with a timeout; network faults and blocked targets reject, any HTTP status resolves. */
export function postRequest(request: PostRequest): Promise<PostResponse> {
  const url = new URL(request.url);
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  if (!request.allowPrivateTargets && isPrivateAddress(hostname)) {
    return Promise.reject(new BlockedTargetError(hostname));
  }
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: 'POST',
        headers: { ...request.headers, 'content-length': Buffer.byteLength(request.body) },
        timeout: request.timeoutMs ?? 10_000,
        lookup: request.allowPrivateTargets ? undefined : guardedLookup,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`request to ${url.host} timed out`)));
    req.on('error', reject);
    req.end(request.body);
  });
}

/** Milliseconds from a Retry-After header (seconds or HTTP date), if present and sane. */
export function parseRetryAfter(
  header: string | string[] | undefined,
  now: Date = new Date(),
): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now.getTime());
}
