/** How the HTTP server answers: JSON, text, files of the page folder, downloads; never cached. */
import * as fs from 'node:fs';
import type * as http from 'node:http';
import * as path from 'node:path';
import { HttpError } from './errors';
import { toJsonText } from './persistence';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  sendText(res, status, 'application/json; charset=utf-8', toJsonText(body));
}

export function sendText(res: http.ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(body);
}

export function sendFile(res: http.ServerResponse, file: string): Promise<void> {
  return fs.promises.readFile(file).then(
    (bytes) => {
      res.writeHead(200, {
        'Content-Type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': bytes.length,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
      res.end(bytes);
    },
    // Missing, a folder, a name too long, not readable...: not there, whatever the reason (an
    // fs error message names the file).
    () => {
      throw new HttpError(404, 'Not found');
    },
  );
}

/** Content-Disposition for a download named `filename` (ASCII fallback + RFC 5987 UTF-8). */
export function attachment(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
