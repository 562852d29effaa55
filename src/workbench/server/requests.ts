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

export function parseRunBody(text: string): { args: unknown[]; answers?: UiAnswer[] } {
  if (!text.trim()) return { args: [] };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (e) {
    throw new HttpError(400, `Bad JSON body: ${(e as Error).message}`);
  }
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

export function intParam(url: URL, name: string, dflt: number, min: number): number {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min)
    throw new HttpError(400, `Parameter "${name}" must be an integer ≥ ${min}`);
  return n;
}

export function readBody(req: http.IncomingMessage, max: number): Promise<string> {
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
      if (!failed) resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}
