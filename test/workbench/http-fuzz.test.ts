/**
 * Property test of the whole workbench HTTP API ("nothing lost, nothing leaked"): random methods,
 * request targets (encoded junk included), function names, bodies and headers against one server
 * running the real add-in bundle. Whatever comes in: never a 500, never a machine path or a stack
 * in the answer, every error a JSON `{ ok: false, error }`, and only the add-in's exported
 * functions ever run. Requests go over a raw socket, so that nothing normalises them on the way.
 */
import fc from 'fast-check';
import * as fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { newWorkbookState } from '../../src/workbench/model';
import { Workbench } from '../../src/workbench/runtime';
import {
  createWorkbenchServer,
  type WorkbenchLike,
  type WorkbenchServer,
} from '../../src/workbench/server/http';
import { saveWorkbook, serializeWorkbook } from '../../src/workbench/server/persistence';
import { DIST } from '../support/workbench';

const REPO = path.resolve(__dirname, '..', '..');
const MAX_BODY = 256 * 1024;
const PAGE_FILES: Record<string, string> = {
  'index.html': '<!doctype html><title>wb</title>',
  'main.js': 'console.log("main");',
  'style.css': 'body { margin: 0; }',
  'styles/grid.css': '.grid { display: grid; }',
};
const SECRET = 'rahasia-di-luar-folder';

/** The exported functions: the top-level forwarders of dist/Code.js. */
const EXPORTED = [...fs.readFileSync(path.join(DIST, 'Code.js'), 'utf8').matchAll(/^function (\w+)\(/gm)].map(
  (m) => m[1],
);

let tmp: string;
let pageDir: string;
let workbookFile: string;
let server: WorkbenchServer;
let port: number;
let workbench: Workbench;
/** Every function name that reached Workbench.run. */
const ran: string[] = [];
let quiet: jest.SpyInstance;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-fuzz-'));
  pageDir = path.join(tmp, 'page');
  fs.mkdirSync(path.join(pageDir, 'styles'), { recursive: true });
  for (const [name, text] of Object.entries(PAGE_FILES)) fs.writeFileSync(path.join(pageDir, name), text);
  fs.writeFileSync(path.join(tmp, 'secret.txt'), SECRET);
  workbookFile = path.join(tmp, 'state', 'workbook.json');
  workbench = new Workbench({ state: newWorkbookState('Uji fuzz'), distDir: DIST });
  const spy: WorkbenchLike = {
    get state() {
      return workbench.state;
    },
    run(name, args, opts) {
      ran.push(name);
      return workbench.run(name, args, opts);
    },
    actAsPerson: (act) => workbench.actAsPerson(act),
    functionNames: () => workbench.functionNames(),
  };
  server = createWorkbenchServer({
    workbench: spy,
    pageDir,
    save: (s) => saveWorkbook(workbookFile, s),
    reset: () => spy,
    exportXlsx: async () => Buffer.from('PK'),
    maxBodyBytes: MAX_BODY,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  // Unexpected errors are logged with their details: keep the test output readable.
  quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterAll(async () => {
  quiet.mockRestore();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(tmp, { recursive: true, force: true });
});

interface RawResponse {
  status: number;
  head: string;
  headers: Record<string, string>;
  body: string;
}

/** Sends `request` as it is over a new connection and reads the whole answer. */
function raw(request: Buffer): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', (e: NodeJS.ErrnoException) => {
      // The server may close before reading everything (e.g. a refused huge body).
      if (e.code === 'ECONNRESET' || e.code === 'EPIPE') socket.destroy();
      else reject(e);
    });
    socket.on('close', () => {
      const all = Buffer.concat(chunks);
      const end = all.indexOf('\r\n\r\n');
      const head = all.subarray(0, end < 0 ? all.length : end).toString('latin1');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
      const headers: Record<string, string> = {};
      for (const line of head.split('\r\n').slice(1)) {
        const at = line.indexOf(':');
        if (at > 0) headers[line.slice(0, at).toLowerCase()] = line.slice(at + 1).trim();
      }
      resolve({ status, head, headers, body: end < 0 ? '' : all.subarray(end + 4).toString('utf8') });
    });
    // Not end(): a client that half-closes is one that does not wait for the answer.
    socket.write(request);
  });
}

interface Req {
  method: string;
  target: string;
  body?: Buffer;
  origin?: string;
  contentType?: string;
}

function send(req: Req): Promise<RawResponse> {
  const body = req.body ?? Buffer.alloc(0);
  const lines = [
    `${req.method} ${req.target} HTTP/1.1`,
    `Host: 127.0.0.1:${port}`,
    'Connection: close',
    `Content-Length: ${body.length}`,
  ];
  if (req.origin !== undefined) lines.push(`Origin: ${req.origin}`);
  if (req.contentType !== undefined) lines.push(`Content-Type: ${req.contentType}`);
  return raw(Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'utf8'), body]));
}

/** What must hold of every answer. */
function checkAnswer(req: Req, res: RawResponse): void {
  const context = `${req.method} ${req.target.slice(0, 200)} → ${res.status} ${res.body.slice(0, 300)}`;
  const fail = (why: string): never => {
    throw new Error(`${why}: ${context}`);
  };
  if (res.status === 0) fail('no HTTP answer');
  if (res.status >= 500) fail('server error');
  const leaks = [REPO, os.tmpdir(), tmp, pageDir, workbookFile, DIST, os.homedir()];
  for (const text of [res.head, res.body]) {
    for (const leak of leaks) if (text.includes(leak)) fail(`answer contains ${leak}`);
    if (text.includes('    at ')) fail('answer contains a stack trace');
  }
  if (res.body.includes(SECRET)) fail('served a file outside the page folder');
  // The runtime reports a script's errors as they are; "Workbench error" is a bug of the emulation.
  if (res.body.includes('"error":"Workbench error')) fail('workbench error');
  // Every error has a JSON body, node:http's own (an unparsable request) included.
  if (res.status >= 400 && req.method !== 'HEAD') {
    if (!/^application\/json/.test(res.headers['content-type'] ?? '')) fail('error answer is not JSON');
    let json: unknown;
    try {
      json = JSON.parse(res.body);
    } catch {
      fail('error answer is not valid JSON');
    }
    const { ok, error } = json as { ok?: unknown; error?: unknown };
    if (ok !== false || typeof error !== 'string' || !error) fail('error answer is not { ok: false, error }');
    if ((error as string).length > 300) fail('error message is not short');
  }
}

// --- arbitraries ---------------------------------------------------------------------------

const PROTOTYPE_NAMES = [
  'constructor',
  'toString',
  'valueOf',
  '__proto__',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__lookupSetter__',
];
/** Names that exist somewhere at run time but are not the add-in's exported functions. */
const OTHER_NAMES = [
  'SopAddin',
  'SpreadsheetApp',
  'HtmlService',
  'Logger',
  'console',
  'eval',
  'Function',
  'Object',
  'globalThis',
  'require',
  'process',
  '__wbName',
  '__wbArgs',
  'doGet',
  'main',
];

/** Text with every character percent-encoded, some left as they are, or encoded wrongly. */
const encodedJunk = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 6 }).map((s) => encodeURIComponent(s)),
      fc.stringMatching(/^[A-Za-z0-9._~!$&'()*+,;=:@-]{0,8}$/),
      fc.integer({ min: 0, max: 255 }).map((b) => `%${b.toString(16).padStart(2, '0')}`),
      fc.constantFrom(
        '%',
        '%E0%A4%A',
        '%zz',
        '%C0%AE',
        '%C0%AE%C0%AE',
        '%00',
        '%2e%2e',
        '%2E%2E',
        '.%2e',
        '%2f',
        '%5c',
        '%5C..%5C',
        '%252e%252e',
        '%3F',
        '%23',
        '..',
        '.',
        '\\',
        '..\\..',
        '?',
        '?x=%E0%A4%A',
        '#',
        '//',
      ),
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.join(''));

const segment = fc.oneof(
  { weight: 3, arbitrary: encodedJunk },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'main.js',
      'style.css',
      'styles',
      'grid.css',
      'index.html',
      'main.js%00.css',
      'main.js%00',
      '..%2fsecret.txt',
      '..%5csecret.txt',
      '%2e%2e%2fsecret.txt',
      '..',
      '.',
      '',
      'secret.txt',
      '1',
      '999999999999999999999999',
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom('a'.repeat(300), 'b'.repeat(5000), `${'x/'.repeat(400)}main.js`) },
);

const functionName = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...EXPORTED) },
  { weight: 3, arbitrary: fc.constantFrom(...PROTOTYPE_NAMES, ...OTHER_NAMES) },
  { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-z_$][\w$]{0,30}$/) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('a'.repeat(5000), 'fn'.repeat(300), 'ñandú', '函数', 'x\u0000y', 'a.b'),
  },
);

const jsonish: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 4 });
const deep = fc
  .integer({ min: 50, max: 20000 })
  .chain((n) => fc.constantFrom(`${'['.repeat(n)}${']'.repeat(n)}`, `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`));
const notJson = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.constantFrom(
    '',
    ' ',
    '{',
    '[',
    'null',
    'true',
    '"x"',
    '{"args": [',
    '\u0000',
    '{"__proto__": {"x": 1}}',
  ),
);

const runBody = fc.oneof(
  fc.array(jsonish, { maxLength: 4 }).map((a) => JSON.stringify(a)),
  fc
    .record(
      {
        args: fc.oneof(fc.array(jsonish, { maxLength: 3 }), jsonish),
        answers: fc.oneof(
          fc.array(
            fc.record({
              button: fc.constantFrom('OK', 'CANCEL', 'YES', 'NO', 'CLOSE', 'x'),
              text: fc.string(),
            }),
          ),
          jsonish,
        ),
      },
      { requiredKeys: [] },
    )
    .map((o) => JSON.stringify(o)),
  jsonish.map((v) => JSON.stringify(v)),
  deep,
  notJson,
);

const sheetName = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('Sheet1', 'Kegiatan', 'Langkah', 'Data Peserta', '') },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom('constructor', '__proto__', 'a'.repeat(200), "'Sheet1'", 'x!y') },
);
const a1 = fc.oneof(
  fc.constantFrom('A1', 'B2:C3', 'A1:A2', 'Z1000', 'A:A', '1:1', 'A1:ZZZ999999', 'Sheet1!A1', '', 'A0'),
  fc.constantFrom('R1C1', 'A1:B', 'AAAA1', 'A99999999999', 'a1', ' A1', 'A1:', ':', 'B2:A1', '$A$1'),
  fc.string({ maxLength: 10 }),
);
/** What a person types: formulas, numbers, dates, text. */
const typed = fc.oneof(
  fc.constantFrom('', '=SUM(1)', '=1/0', '=A1', '=', "'007", '007', '2024-04-15', '1e400', '-0', 'TRUE'),
  fc.constantFrom('12,5', '15/04/2024', '31/02/2024', '#REF!', '\u0000', '50%', 'Rp 1.000', '='.repeat(50)),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
);
const COLUMNS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** A range and values of its size (or one column too many). */
const fittingEdit = fc
  .record({
    sheet: fc.oneof({ weight: 3, arbitrary: fc.constant('Sheet1') }, { weight: 1, arbitrary: sheetName }),
    col: fc.integer({ min: 0, max: 23 }),
    row: fc.integer({ min: 1, max: 1200 }),
    rows: fc.integer({ min: 1, max: 3 }),
    cols: fc.integer({ min: 1, max: 3 }),
    extra: fc.constantFrom(0, 0, 0, 1),
  })
  .chain(({ sheet, col, row, rows, cols, extra }) =>
    fc
      .array(fc.array(typed, { minLength: cols + extra, maxLength: cols + extra }), {
        minLength: rows,
        maxLength: rows,
      })
      .map((values) => ({
        sheet,
        range: `${COLUMNS[col]}${row}:${COLUMNS[col + cols - 1]}${row + rows - 1}`,
        values,
      })),
  );
const editBody = fc.oneof(
  { weight: 4, arbitrary: fittingEdit.map((o) => JSON.stringify(o)) },
  fc
    .record(
      {
        sheet: fc.oneof(sheetName, jsonish),
        range: fc.oneof(a1, jsonish),
        values: fc.oneof(
          fc.array(fc.array(typed, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
          jsonish,
        ),
        extra: jsonish,
      },
      { requiredKeys: [] },
    )
    .map((o) => JSON.stringify(o)),
  jsonish.map((v) => JSON.stringify(v)),
  deep,
  notJson,
);
const sheetsBody = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .record({ op: fc.constantFrom('add', 'rename', 'delete'), name: sheetName, newName: sheetName })
      .map(({ op, name, newName }) => JSON.stringify(op === 'rename' ? { op, name, newName } : { op, name })),
  },
  fc
    .record(
      {
        op: fc.oneof(fc.constantFrom('add', 'rename', 'delete'), jsonish),
        name: fc.oneof(sheetName, jsonish),
        newName: fc.oneof(sheetName, jsonish),
      },
      { requiredKeys: ['op'] },
    )
    .map((o) => JSON.stringify(o)),
  notJson,
  deep,
);

const method = fc.oneof(
  { weight: 2, arbitrary: fc.constant('GET') },
  { weight: 5, arbitrary: fc.constant('POST') },
  {
    weight: 1,
    arbitrary: fc.constantFrom('PUT', 'DELETE', 'HEAD', 'OPTIONS', 'PATCH', 'TRACE', 'BREW', 'get'),
  },
);

const query = fc.option(
  encodedJunk.map((q) => `?${q}`),
  { nil: '' },
);

interface Case extends Req {
  /** The function name asked for, for /api/run. */
  fn?: string;
}

const bodyBytes = (text: fc.Arbitrary<string>): fc.Arbitrary<Buffer | undefined> =>
  fc.oneof(
    { weight: 12, arbitrary: text.map((t) => Buffer.from(t, 'utf8')) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b)) },
    { weight: 1, arbitrary: fc.constant(Buffer.alloc(MAX_BODY + 1, 0x5b)) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );

const runCase: fc.Arbitrary<Case> = fc
  .record({
    method,
    fn: functionName,
    encode: fc.boolean(),
    q: query,
    body: bodyBytes(runBody),
  })
  .map(({ method: m, fn, encode, q, body }) => {
    const name = encode ? encodeURIComponent(fn) : fn.replace(/[^\x21-\x7e]/gu, encodeURIComponent);
    return { method: m, fn, target: `/api/run/${name}${q}`, body };
  });

const BODIES: Record<string, fc.Arbitrary<string>> = {
  '/api/edit': editBody,
  '/api/sheets': sheetsBody,
  '/api/open': runBody,
};
const routeCase: fc.Arbitrary<Case> = fc
  .record({
    method,
    route: fc.constantFrom(
      '/api/edit',
      '/api/edit',
      '/api/sheets',
      '/api/sheets',
      '/api/open',
      '/api/workbook',
      '/api/export.xlsx',
      '/api/run',
      '/api/',
      '/',
      '/index.html',
    ),
    q: query,
    other: fc.constantFrom(editBody, sheetsBody, runBody),
    same: fc.boolean(),
  })
  .chain(({ method: m, route, q, other, same }) =>
    bodyBytes(same ? (BODIES[route] ?? other) : other).map((body) => ({
      method: m,
      target: `${route}${q}`,
      body,
    })),
  );

const pathCase: fc.Arbitrary<Case> = fc
  .record({
    method,
    prefix: fc.constantFrom(
      '/page/',
      '/page',
      '/sidebar/',
      '/api/run/',
      '/api/',
      '/',
      '//',
      '/nope/',
      '/page/styles/',
    ),
    segments: fc.array(segment, { maxLength: 4 }),
    q: query,
  })
  .map(({ method: m, prefix, segments, q }) => ({ method: m, target: `${prefix}${segments.join('/')}${q}` }));

/** Request targets that do not even start with "/", or hold bytes a URL never holds. */
const oddTargetCase: fc.Arbitrary<Case> = fc
  .record({
    method,
    target: fc.constantFrom(
      '*',
      'page/main.js',
      'http://127.0.0.1/page/main.js',
      'http://[::1/page/main.js',
      'http://x:99999/',
      '/page/main.js\u0000.css',
      '/page/ma in.js',
      '/page/\u00e9',
      '/page/..\\secret.txt',
      '/page/\\..\\..\\secret.txt',
      '/api/run/con\u0000structor',
      `/page/${'a'.repeat(20000)}`,
    ),
  })
  .map((c) => c);

/** Mostly none (a same-origin page sends none for GET and may for POST). */
const originOf = fc.oneof(
  { weight: 8, arbitrary: fc.constant(undefined) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'null',
      'http://127.0.0.1',
      'http://evil.example',
      'not a url',
      'http://[',
      '',
    ),
  },
);

const anyCase: fc.Arbitrary<Case> = fc
  .tuple(
    fc.oneof(
      { weight: 4, arbitrary: runCase },
      { weight: 4, arbitrary: routeCase },
      { weight: 3, arbitrary: pathCase },
      { weight: 1, arbitrary: oddTargetCase },
    ),
    originOf,
    fc.option(fc.constantFrom('application/json', 'text/plain', 'multipart/form-data; boundary=x'), {
      nil: undefined,
    }),
  )
  .map(([c, origin, contentType]) => ({
    ...c,
    origin: origin === 'http://127.0.0.1' ? `${origin}:${port}` : origin,
    contentType,
  }));

// --- the property ----------------------------------------------------------------------------

const RUNS = 1000;

describe('workbench HTTP API under random requests', () => {
  it(`never answers 500, leaks no path or stack, and runs only exported functions (${RUNS} runs)`, async () => {
    const exported = new Set(EXPORTED);
    await fc.assert(
      fc.asyncProperty(anyCase, async (req) => {
        const before = serializeWorkbook(workbench.state);
        const ranBefore = ran.length;
        const res = await send(req);
        checkAnswer(req, res);
        for (const name of ran.slice(ranBefore))
          if (!exported.has(name) && name !== 'onOpen') throw new Error(`ran ${JSON.stringify(name)}`);
        if (req.fn !== undefined && !exported.has(req.fn)) {
          if (res.status < 400) throw new Error(`${req.target.slice(0, 100)} answered ${res.status}`);
          if (serializeWorkbook(workbench.state) !== before) throw new Error('the workbook changed');
        }
        if (req.method === 'GET' && res.status === 200 && req.target.startsWith('/page/')) {
          if (!Object.values(PAGE_FILES).includes(res.body))
            throw new Error(`served ${res.body.slice(0, 80)}`);
        }
      }),
      { seed: 20260514, numRuns: RUNS },
    );
    expect(ran.length).toBeGreaterThan(0);
    // Nothing unexpected was logged (a bug of the workbench is logged with its details).
    expect(quiet).not.toHaveBeenCalled();
  });
});
