/**
 * Utilities and Logger: https://developers.google.com/apps-script/reference/utilities/utilities
 * base64Decode returns Java-style signed bytes like Apps Script; turn them back into text with
 * Utilities.newBlob(bytes).getDataAsString().
 */
import { randomUUID } from 'node:crypto';
import type { Execution } from './context';
import { wrap } from './counter';
import { chargeTime } from './limits';
import { isDate } from '../format/display';
import { formatJavaDate } from '../format/java-date';
import { isValidTimeZone } from '../format/zones';

type Bytes = number[];

function toBuffer(data: unknown): Buffer {
  if (Array.isArray(data)) return Buffer.from(data.map((b) => Number(b) & 255));
  return Buffer.from(String(data ?? ''), 'utf8');
}

function toBytes(buf: Buffer): Bytes {
  return Array.from(buf, (b) => (b > 127 ? b - 256 : b));
}

/** java.util.Formatter subset: %s %d %i %f %.Nf %x %% with width, "-" and "0" flags. */
export function formatString(template: string, args: unknown[]): string {
  let next = 0;
  return String(template).replace(
    /%(-)?(0)?(\d+)?(?:\.(\d+))?([sdifxX%])/g,
    (_m, minus, zero, width, prec, conv) => {
      if (conv === '%') return '%';
      const v = args[next++];
      let s: string;
      switch (conv) {
        case 'd':
        case 'i':
          s = String(Math.trunc(Number(v)));
          break;
        case 'f':
          s = Number(v).toFixed(prec === undefined ? 6 : Number(prec));
          break;
        case 'x':
        case 'X':
          s = Math.trunc(Number(v)).toString(16);
          if (conv === 'X') s = s.toUpperCase();
          break;
        default:
          s = String(v);
          if (prec !== undefined) s = s.slice(0, Number(prec));
      }
      const w = width === undefined ? 0 : Number(width);
      if (s.length < w) s = minus ? s.padEnd(w) : zero && conv !== 's' ? s.padStart(w, '0') : s.padStart(w);
      return s;
    },
  );
}

/** RFC 4180 CSV. */
export function parseCsv(csv: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const text = String(csv);
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else field += ch;
    i++;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export function createUtilities(ctx: Execution): unknown {
  const newBlob = (data: unknown, contentType?: string, name?: string): unknown => {
    const state = { bytes: toBuffer(data), contentType: contentType ?? null, name: name ?? null };
    const blob = {
      getBytes: () => toBytes(state.bytes),
      getDataAsString: (charset?: string) =>
        state.bytes.toString(charset?.toLowerCase() === 'iso-8859-1' ? 'latin1' : 'utf8'),
      getContentType: () => state.contentType,
      setContentType: (t: string) => {
        state.contentType = t;
        return blob;
      },
      getName: () => state.name,
      setName: (n: string) => {
        state.name = n;
        return blob;
      },
    };
    return wrap(ctx, 'Blob', blob);
  };
  return wrap(ctx, 'Utilities', {
    formatDate(date: Date, timeZone: string, format: string): string {
      if (!isDate(date))
        throw ctx.exception(
          "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
        );
      if (!isValidTimeZone(String(timeZone))) throw ctx.exception(`Invalid argument: timeZone`);
      try {
        return formatJavaDate(date.getTime(), String(timeZone), String(format));
      } catch (e) {
        throw ctx.exception(`Invalid argument: format (${(e as Error).message})`);
      }
    },
    formatString(template: string, ...args: unknown[]): string {
      return formatString(template, args);
    },
    getUuid: (): string => randomUUID(),
    /** No real wait (the workbench is synchronous): the time goes on the execution's virtual clock. */
    sleep(milliseconds: number): void {
      chargeTime(ctx, milliseconds);
    },
    parseCsv: (csv: string, delimiter?: string): string[][] => parseCsv(csv, delimiter),
    base64Encode: (data: unknown): string => toBuffer(data).toString('base64'),
    base64EncodeWebSafe: (data: unknown): string =>
      toBuffer(data).toString('base64').replace(/\+/g, '-').replace(/\//g, '_'),
    base64Decode: (encoded: string): Bytes => toBytes(Buffer.from(String(encoded), 'base64')),
    base64DecodeWebSafe: (encoded: string): Bytes =>
      toBytes(Buffer.from(String(encoded).replace(/-/g, '+').replace(/_/g, '/'), 'base64')),
    newBlob,
  });
}

export function createLogger(ctx: Execution): unknown {
  const logger = {
    log(data: unknown, ...values: unknown[]) {
      ctx.logs.push(values.length && typeof data === 'string' ? formatString(data, values) : String(data));
      return logger;
    },
    getLog: (): string => ctx.logs.join('\n'),
    clear(): void {
      ctx.logs.length = 0;
    },
  };
  return wrap(ctx, 'Logger', logger);
}

/** console inside the script: collected in the execution's log, not counted (not a service). */
export function createConsole(ctx: Execution): Console {
  const fmt = (args: unknown[]): string =>
    args
      .map((a) =>
        typeof a === 'string'
          ? a
          : (() => {
              try {
                return JSON.stringify(a);
              } catch {
                return String(a);
              }
            })(),
      )
      .join(' ');
  const log = (...args: unknown[]): void => {
    ctx.logs.push(fmt(args));
  };
  return {
    log,
    info: log,
    warn: log,
    error: log,
    debug: log,
    time: () => {},
    timeEnd: () => {},
  } as unknown as Console;
}
