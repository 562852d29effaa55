/**
 * What the HTTP server checks of a request before it acts: where it comes from, its body (with a
 * size limit), the JSON of POST /api/run, path segments and query parameters. A bad request
 * throws an {@link HttpError} with the status to answer.
 */
import type * as http from 'node:http';
import type { UiAnswer } from '../protocol';
import { HttpError } from './errors';

/** Rejects cross-site POSTs (a page elsewhere must not run the add-in's functions). */
export function checkOrigin(req: http.IncomingMessage): void {
  const origin = req.headers.origin;
  if (origin === undefined || origin === 'null') return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new HttpError(403, 'Bad Origin');
  }
  if (host !== req.headers.host) throw new HttpError(403, `Cross-origin request from ${origin} refused`);
}

/** How deep arrays and objects may nest in a POST /api/run body. */
export const MAX_NESTING = 100;

/** Whether arrays and objects in `value` nest deeper than `max` (without recursion). */
function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= max) return true;
    for (const x of Object.values(v)) stack.push([x, depth + 1]);
  }
  return false;
}

export function parseRunBody(text: string): { args: unknown[]; answers?: UiAnswer[] } {
  if (!text.trim()) return { args: [] };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (e) {
    throw new HttpError(400, `Bad JSON body: ${(e as Error).message}`);
  }
  if (nestsDeeperThan(body, MAX_NESTING))
    throw new HttpError(400, `Body nests arrays and objects deeper than ${MAX_NESTING} levels`);
  if (Array.isArray(body)) return { args: body };
  if (typeof body !== 'object' || body === null) {
    throw new HttpError(400, 'Body must be a JSON array of arguments or { "args": [...], "answers": [...] }');
  }
  const { args = [], answers } = body as { args?: unknown; answers?: unknown };
  if (!Array.isArray(args)) throw new HttpError(400, '"args" must be an array');
  if (answers !== undefined && answers !== null) {
    if (!Array.isArray(answers)) throw new HttpError(400, '"answers" must be an array');
    for (const a of answers) {
      if (typeof a !== 'object' || a === null || typeof (a as UiAnswer).button !== 'string') {
        throw new HttpError(400, 'Each answer must be { "button": string, "text"?: string }');
      }
    }
    return { args, answers: answers as UiAnswer[] };
  }
  return { args };
}

export function decodePath(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw new HttpError(400, 'Malformed URL');
  }
}

/** Longest request target (path and query) accepted. */
export const MAX_TARGET_LENGTH = 4096;

/**
 * The path (still percent-encoded) and query of a request target, after checks that hold for
 * every route: an origin-form target (`/…`) of at most {@link MAX_TARGET_LENGTH} characters
 * (else 414), printable ASCII without `\` or `#` in the path, valid percent-encoding, and once
 * decoded no control character (NUL included), no `\` and no `.` or `..` segment (else 400).
 * Nothing is normalised: a request means what it says or is refused.
 */
export function parseTarget(target: string | undefined): { path: string; query: URLSearchParams } {
  const raw = target ?? '/';
  if (raw.length > MAX_TARGET_LENGTH) throw new HttpError(414, 'Request target too long');
  if (!raw.startsWith('/')) throw new HttpError(400, 'Bad request target');
  const at = raw.indexOf('?');
  const encoded = at < 0 ? raw : raw.slice(0, at);
  if (/[^\x21-\x7e]|[\\#]/.test(encoded)) throw new HttpError(400, 'Bad path');
  const decoded = decodePath(encoded);
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f\\]/.test(decoded)) throw new HttpError(400, 'Bad path');
  if (decoded.split('/').some((s) => s === '.' || s === '..')) throw new HttpError(400, 'Bad path');
  return { path: encoded, query: new URLSearchParams(at < 0 ? '' : raw.slice(at + 1)) };
}

/** A name from the request, quoted and cut short, for an error message. */
export function quoted(name: string, max = 60): string {
  const chars = [...name];
  return JSON.stringify(chars.length > max ? `${chars.slice(0, max).join('')}…` : name);
}

/**
 * Resolves once the rest of the request body has been read and thrown away, so that an answer
 * sent before the body was read (an error, a GET with a body) reaches the client instead of
 * being cut off by a reset connection.
 */
export function discardBody(req: http.IncomingMessage): Promise<void> {
  if (req.readableEnded || req.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    req
      .once('end', resolve)
      .once('close', resolve)
      .once('error', () => resolve());
    req.resume();
  });
}

export function intParam(query: URLSearchParams, name: string, dflt: number, min: number): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min)
    throw new HttpError(400, `Parameter "${name}" must be an integer ≥ ${min}`);
  return n;
}

/** The request body as bytes (a CSV need not be UTF-8), at most `max` bytes (413 beyond). */
export function readBodyBytes(req: http.IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > max) {
        failed = true;
        reject(new HttpError(413, `Request body larger than ${max} bytes`));
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

export async function readBody(req: http.IncomingMessage, max: number): Promise<string> {
  return (await readBodyBytes(req, max)).toString('utf8');
}
