/**
 * `sop-terpilah`: the data terpilah core on a CSV or XLSX file, for data not in a spreadsheet yet.
 *
 *   sop-terpilah ringkas <file.csv|file.xlsx> [--json] [--out laporan.xlsx] [--tanggal YYYY-MM-DD] [--kegiatan NAMA]
 *                        [--satu-data DIR]
 *
 * Same core as the add-in (matchHeaders → the normaliser of normaliseRows → the counts of
 * summariseAll → reportSheetPlan), so the same data gives the same figures. The file is streamed
 * (stream-table.ts): row by row, in memory that does not grow with its rows; a big CSV may be
 * counted in byte ranges on several threads (parallel-summary.ts). Exit codes: 0 ok,
 * 1 bad usage, 2 unreadable file or unrecognised header.
 */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { realpathSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { FIELD_LABELS } from '../core/terpilah/headers';
import type { TerpilahSummary } from '../core/terpilah/model';
import { qualityDigest } from '../core/terpilah/quality-list';
import { reportSheetPlan } from '../core/terpilah/report-sheet';
import { isoDate } from '../core/dates';
import { DEFAULT_TIME_ZONE, toIsoInZone } from '../core/time';
import { reportWorkbook } from './plan-to-workbook';
import { maskNiks, writeReport } from './print';
import { writeSatuDataFiles } from './satu-data-files';
import { isCsvWorker, runCsvWorker } from './csv-thread';
import { summariseInRanges } from './parallel-summary';
import { isRangeWorker, runRangeWorker } from './range-worker';
import { ReadError } from './read-file';
import { summariseFile, type FileSummary } from './summarise-file';

export const EXIT_OK = 0;
export const EXIT_USAGE = 1;
export const EXIT_DATA = 2;

/** The add-in's report sheet name (src/server/terpilah/report.ts). */
export const REPORT_SHEET_NAME = 'Laporan Data Terpilah';
/** No spreadsheet tells the CLI its zone: the office's. */
const TIME_ZONE = DEFAULT_TIME_ZONE;

export const HELP = `sop-terpilah — ringkasan data terpilah peserta / sex-disaggregated participant summaries

Pemakaian / usage:
  sop-terpilah ringkas <berkas.csv|berkas.xlsx> [--json] [--out laporan.xlsx]
                       [--tanggal YYYY-MM-DD] [--kegiatan NAMA] [--satu-data DIR]

Membaca daftar peserta (CSV dengan pemisah ; atau ,, atau lembar pertama XLSX; baris pertama
berisi judul kolom) dan mencetak tabel data terpilah: L | P | Tidak diketahui | Jumlah | %L |
%P | Rasio JK per kegiatan, peran, kelompok umur, instansi, kabupaten/kota dan disabilitas,
dengan kelengkapan dan daftar kualitas data. NIK selalu disamarkan.

Reads a participant register (CSV with ; or , delimiter, or the first XLSX worksheet; the first
row holds the column headers) and prints the sex-disaggregated tables, their completeness and
the data-quality list. NIK is always masked. Same core, same figures as the add-in.

Opsi / options:
  --json              cetak JSON / print JSON instead of tables
  --out <berkas.xlsx> tulis buku kerja laporan / write the report workbook (no charts: exceljs
                      cannot write them)
  --tanggal <tgl>     tanggal acuan umur (bawaan: hari ini) / reference date for ages
                      (default: today, Asia/Jakarta)
  --kegiatan <nama>   nama kegiatan bila berkas tidak punya kolom kegiatan / activity name
                      when the file has no activity column
  --satu-data <dir>   tulis satu-data.csv + satu-data.metadata.json (format Satu Data Indonesia,
                      kode wilayah Kemendagri, tanpa data pribadi) / write the Satu Data table
                      and its metadata (aggregates only)
  -h, --help          bantuan ini / this help

Kode keluar / exit codes: 0 berhasil / ok, 1 pemakaian salah / bad usage,
2 berkas tak terbaca atau judul kolom tak dikenali / unreadable file or unrecognised header.
`;

export interface Options {
  file: string;
  json: boolean;
  out?: string;
  referenceDate: string;
  activity?: string;
  /** Directory for the Satu Data CSV and metadata JSON. */
  satuData?: string;
}

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Today (for the default reference date and the report's timestamp). */
  now: () => Date;
  /** A progress line for a big file (only when stderr is a terminal); "" clears it. */
  progress?: (text: string) => void;
  /** The CLI's own bundle, to parse a CSV on a second thread (summariseFile's csvWorker). */
  csvWorker?: string;
  /** The CLI's own bundle and how many threads count a big CSV in byte ranges (parallel-summary.ts). */
  ranges?: { script: string; count: number; minBytes?: number };
  /** Says which path read the file (tests, the benchmark). */
  trace?: (text: string) => void;
}

/** Files from this size on get a progress line (when stderr is a terminal). */
const PROGRESS_FROM_BYTES = 32 << 20;

class UsageError extends Error {}

/** Today's date in Asia/Jakarta, "YYYY-MM-DD". */
export function todayIso(now: Date): string {
  return toIsoInZone(now.getTime(), TIME_ZONE).slice(0, 10);
}

export function parseArgs(argv: readonly string[], now: Date): Options | 'help' {
  if (argv.includes('-h') || argv.includes('--help') || argv[0] === 'help') return 'help';
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError('Perintah tidak ada / no command given.');
  if (command !== 'ringkas')
    throw new UsageError(`Perintah tidak dikenal / unknown command "${command}" (pakai / use: ringkas).`);
  const options: Partial<Options> = { json: false, referenceDate: todayIso(now) };
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = (): string => {
      const v = inline ?? rest[++i];
      if (v === undefined || v === '')
        throw new UsageError(`Opsi / option ${flag} perlu nilai / needs a value.`);
      return v;
    };
    if (flag === '--json') options.json = true;
    else if (flag === '--out' || flag === '-o') options.out = value();
    else if (flag === '--tanggal' || flag === '--date') {
      const date = value();
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
      if (!m || isoDate(Number(m[1]), Number(m[2]), Number(m[3])) === null)
        throw new UsageError(`Tanggal tidak sah / invalid date "${date}" (YYYY-MM-DD).`);
      options.referenceDate = date;
    } else if (flag === '--kegiatan' || flag === '--activity') options.activity = value();
    else if (flag === '--satu-data') options.satuData = value();
    else if (flag.startsWith('-') && flag !== '-')
      throw new UsageError(`Opsi tidak dikenal / unknown option "${flag}".`);
    else files.push(arg);
  }
  if (files.length === 0) throw new UsageError('Berkas tidak disebut / no file given.');
  if (files.length > 1) throw new UsageError(`Satu berkas saja / one file only (got ${files.length}).`);
  if (options.out !== undefined && !/\.xlsx$/i.test(options.out))
    throw new UsageError(`--out harus berakhiran .xlsx / must end in .xlsx: "${options.out}".`);
  if (options.out !== undefined && samePath(options.out, files[0]))
    throw new UsageError(
      `--out sama dengan berkas masukan / is the input file: "${options.out}". Pilih nama lain / choose another name.`,
    );
  return { ...options, file: files[0] } as Options;
}

/** Whether two paths name one file (through links too, when both exist). */
function samePath(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  return real(a) === real(b);
}

/** At most this many headers, each at most this long, are echoed in a message. */
const ECHO_HEADERS = 12;
const ECHO_LENGTH = 40;

/** Headers found, for a message: masked, cut, and only the first few of a huge header row. */
export function describeHeaders(headers: readonly string[]): string {
  const named = headers.filter((h) => h !== '');
  const shown = named
    .slice(0, ECHO_HEADERS)
    // Masked before the cut: no part of a NIK is left whole.
    .map((h) => maskNiks(h))
    .map((h) => (h.length > ECHO_LENGTH ? `${h.slice(0, ECHO_LENGTH)}…` : h))
    // Control characters of a binary or broken header would garble the terminal.
    // eslint-disable-next-line no-control-regex
    .map((h) => `"${h.replace(/[\u0000-\u001f\u007f]/g, '?')}"`);
  const more = named.length - shown.length;
  return (shown.join(', ') || '(kosong / empty)') + (more > 0 ? ` … dan / and ${more} lainnya / more` : '');
}

/** JSON with every string NIK-masked (core masks messages already; categories are user text). */
export function toMaskedJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? maskNiks(v) : v), 2);
}

const indent = (text: string, by: string) => by + text.replace(/\n/g, `\n${by}`);

/**
 * A summary as --json prints it: its findings as the report sheet lists them, per type
 * { type, label, count, shown: the first QUALITY_ROWS_PER_TYPE findings by row, more } — what a
 * stream keeps, and an output as short at 5 M rows as at 5 000.
 */
export function jsonSummary(summary: TerpilahSummary) {
  const { qualityCounts, ...rest } = summary;
  return {
    ...rest,
    quality: qualityDigest(summary.quality, undefined, 'id', qualityCounts).map(
      ({ code, label, count, shown, more }) => ({
        type: code,
        label,
        count,
        shown: [...shown],
        more,
      }),
    ),
  };
}

/**
 * toMaskedJson({ ...head, summaries: summaries.map(jsonSummary) }) + "\n", written a summary at a
 * time: the same text, without one string as long as the whole output.
 */
export function writeMaskedJson(
  head: Record<string, unknown>,
  summaries: readonly TerpilahSummary[],
  write: (text: string) => void,
): void {
  const top = toMaskedJson(head);
  if (summaries.length === 0) {
    write(top.slice(0, -2) + ',\n  "summaries": []\n}\n');
    return;
  }
  write(top.slice(0, -2) + ',\n  "summaries": [\n');
  summaries.forEach((summary, i) => {
    const comma = i < summaries.length - 1 ? ',\n' : '\n';
    write(indent(toMaskedJson(jsonSummary(summary)), '    ') + comma);
  });
  write('  ]\n}\n');
}

/**
 * Runs the CLI; returns the exit code. Everything it prints passes through the NIK masker (text,
 * JSON, messages echoing the file), as every string of the --out workbook does (core masks the
 * report; the workbook's name is masked here).
 */
export async function run(argv: readonly string[], rawIo: Io): Promise<number> {
  const io: Io = {
    stdout: (text) => rawIo.stdout(maskNiks(text)),
    stderr: (text) => rawIo.stderr(maskNiks(text)),
    now: rawIo.now,
    progress: rawIo.progress,
  };
  const trace = rawIo.trace ?? (() => undefined);
  let options: Options | 'help';
  try {
    options = parseArgs(argv, io.now());
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`sop-terpilah: ${e.message}\n\n${HELP}`);
    return EXIT_USAGE;
  }
  if (options === 'help') {
    io.stdout(HELP);
    return EXIT_OK;
  }

  let lastProgress = 0;
  let file: FileSummary;
  const progress = (bytesRead: number, size: number, rows: number) => {
    if (!io.progress || size < PROGRESS_FROM_BYTES) return;
    const now = Date.now();
    if (now - lastProgress < 250) return;
    lastProgress = now;
    const percent = Math.min(100, Math.floor((bytesRead * 100) / size));
    io.progress(`sop-terpilah: ${percent}% (${rows.toLocaleString('id-ID')} baris dibaca / rows read)`);
  };
  const normalise = {
    referenceDate: options.referenceDate,
    defaultActivity: options.activity,
    timeZone: TIME_ZONE,
  };
  try {
    const inRanges = rawIo.ranges
      ? await summariseInRanges(options.file, normalise, {
          script: rawIo.ranges.script,
          ranges: rawIo.ranges.count,
          minBytes: rawIo.ranges.minBytes,
          progress,
        })
      : { fallback: 'one thread' };
    if ('fallback' in inRanges) {
      trace(`one thread: ${inRanges.fallback}`);
      file = await summariseFile(options.file, normalise, { csvWorker: rawIo.csvWorker, progress });
    } else {
      trace(`ranges: ${rawIo.ranges?.count}`);
      file = inRanges;
    }
  } catch (e) {
    if (!(e instanceof ReadError)) throw e;
    io.progress?.('');
    io.stderr(`sop-terpilah: ${e.message}\n`);
    return EXIT_DATA;
  }
  io.progress?.('');
  const { found: table, headers, matched, summaries, participants: participantCount } = file;
  if (headers.length === 0 || matched === null) {
    io.stderr(`sop-terpilah: berkas kosong / empty file: ${options.file}\n`);
    return EXIT_DATA;
  }
  const match = matched;
  for (const warning of table.warnings) io.stderr(`sop-terpilah: ${warning}\n`);
  if (!match.recognised) {
    io.stderr(
      `sop-terpilah: judul kolom tidak dikenali / unrecognised header in ${options.file} (${table.source}).\n` +
        `Ditemukan / found: ${describeHeaders(headers)}\n` +
        'Perlu setidaknya kolom nama atau jenis kelamin (mis. "Nama", "Jenis Kelamin") /\n' +
        'needs at least a name or sex column (e.g. "Nama", "Jenis Kelamin", "Name", "Sex").\n',
    );
    return EXIT_DATA;
  }

  if (options.satuData !== undefined) {
    let files;
    try {
      files = await writeSatuDataFiles(options.satuData, summaries, {
        generatedAt: toIsoInZone(io.now().getTime(), TIME_ZONE),
        sumber: `Berkas ${basename(options.file)}`,
      });
    } catch (e) {
      io.stderr(
        `sop-terpilah: tidak dapat menulis / cannot write ${options.satuData}: ${(e as Error).message}\n`,
      );
      return EXIT_DATA;
    }
    // Keeps --json's stdout pure JSON.
    (options.json ? io.stderr : io.stdout)(
      `Satu Data ditulis / written: ${files.csv} (${files.rows} baris / rows), ${files.json}\n`,
    );
  }

  if (options.out !== undefined) {
    // As the add-in: the time of generation in the spreadsheet's zone.
    const generatedAt = toIsoInZone(io.now().getTime(), TIME_ZONE);
    const { plan, charts } = reportSheetPlan(summaries, REPORT_SHEET_NAME, generatedAt);
    const workbook = reportWorkbook(plan, charts, maskNiks(basename(options.out, '.xlsx')), TIME_ZONE);
    // Loaded for --out only: exceljs is ~28 MB a streaming run does not need.
    const { exportXlsxReport } = await import('../workbench/export/xlsx');
    const { buffer } = await exportXlsxReport(workbook);
    try {
      await writeFile(options.out, buffer);
    } catch (e) {
      io.stderr(`sop-terpilah: tidak dapat menulis / cannot write ${options.out}: ${(e as Error).message}\n`);
      return EXIT_DATA;
    }
    io.stdout(
      `Laporan ditulis / report written: ${options.out} (${participantCount} peserta / participants)\n`,
    );
    if (charts.length > 0)
      io.stdout(
        `Catatan / note: ${charts.length} grafik tidak digambar (exceljs tidak dapat menulis grafik); ` +
          `lihat lembar "Catatan" / chart(s) not drawn (exceljs cannot write charts); see sheet "Catatan".\n`,
      );
    return EXIT_OK;
  }

  if (options.json) {
    const output = {
      file: options.file,
      source: table.source,
      referenceDate: options.referenceDate,
      columns: {
        mapping: match.mapping,
        unmatched: match.unmatched,
      },
    };
    writeMaskedJson(output, summaries, io.stdout);
    return EXIT_OK;
  }

  const recognisedColumns = Object.entries(match.mapping)
    .sort((a, b) => (a[1] ?? 0) - (b[1] ?? 0))
    .map(
      ([field, column]) => `"${headers[column ?? 0]}" → ${FIELD_LABELS[field as keyof typeof FIELD_LABELS]}`,
    );
  const lines = [
    `Berkas / file: ${options.file} (${table.source}); tanggal acuan / reference date: ${options.referenceDate}`,
    `Kolom dikenali / recognised columns: ${recognisedColumns.join(', ')}`,
  ];
  if (match.unmatched.length > 0)
    lines.push(
      `Kolom diabaikan / ignored columns: ${describeHeaders(match.unmatched.map((h) => String(h)))}`,
    );
  io.stdout(maskNiks(lines.join('\n')) + '\n\n');
  // writeReport masks every piece it writes (print.ts): straight out, not masked a second time.
  writeReport(summaries, rawIo.stdout);
  return EXIT_OK;
}

/** One line for what no reader expected: never a stack trace on the user's terminal. */
function fail(e: unknown): void {
  const message = String((e as Error)?.message ?? e).split('\n')[0];
  process.stderr.write(`sop-terpilah: kesalahan tak terduga / unexpected error: ${maskNiks(message)}\n`);
  process.exitCode = EXIT_DATA;
}

/**
 * The heap the CLI runs in. V8 sizes its heap from its limit, not from what is live: under the
 * default limit (a quarter of the machine's memory) a 5-million-row stream peaks near 500 MB
 * although what it keeps is far less; under this one, with 8 MB semi-spaces, near 285 MB.
 * summarise-file stops with a message before the limit is reached. Semi-spaces of 8 MB (not
 * 16): each thread keeps few rows alive at a time, so half as many scavenges as with 4 MB cost
 * less (5 M rows in ranges: CPU 22.2 → 21.1 s, peak 264 → 283 MB, medians of 6 pairs), while 16 MB
 * would pass the 300 MB peak (318 MB in one run).
 */
const HEAP_MB = 512;
const HEAP_FLAG = '--max-old-space-size';
const SEMI_SPACE_FLAG = '--max-semi-space-size=8';

/** Runs this same file again under the heap limit (unless node was given one): true when it did. */
function underHeapLimit(): boolean {
  const given = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => a.includes(HEAP_FLAG));
  if (given || process.env.SOP_TERPILAH_HEAP === 'default') return false;
  const child = spawn(
    process.execPath,
    [...process.execArgv, `${HEAP_FLAG}=${HEAP_MB}`, SEMI_SPACE_FLAG, __filename, ...process.argv.slice(2)],
    { stdio: 'inherit' },
  );
  child.on('error', fail);
  child.on('exit', (code, signal) => {
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? EXIT_DATA);
  });
  return true;
}

/**
 * SOP_TERPILAH_THREADS=2: a second thread parses a CSV (csv-thread.ts; the same figures). Not by
 * default: on the 2-core benchmark machine, shared, it gave no shorter runs and ~25 % more CPU
 * (moving the records between threads costs about what parsing them does).
 */
const csvWorker = (): string | undefined =>
  process.env.SOP_TERPILAH_THREADS === '2' ? __filename : undefined;

/**
 * By default a UTF-8 CSV of 8 MiB or more is counted in byte ranges on a thread per core (at
 * most 4; on one core one range, still papaparse's cheaper reading), merged to the same figures
 * (parallel-summary.ts): 5 M rows on the 2-core benchmark machine 51 → 29 s wall, 51 → 31 s CPU,
 * peak ~300 MB (~250 MB since the replay keeps the duplicate keys without rows); ranges handed
 * out as threads ask (range-queue.ts) rather than one per thread: the threads end together.
 * SOP_TERPILAH_THREADS=1 reads on one thread as before (=2: csv-thread.ts);
 * SOP_TERPILAH_RANGES=<n> counts any CSV on n threads (tests); SOP_TERPILAH_TRACE=1 says on
 * stderr which path read the file.
 */
function ranges(): Io['ranges'] {
  if (process.env.SOP_TERPILAH_THREADS !== undefined) return undefined;
  const forced = Number(process.env.SOP_TERPILAH_RANGES);
  if (Number.isInteger(forced) && forced >= 1) return { script: __filename, count: forced, minBytes: 0 };
  return { script: __filename, count: Math.max(1, Math.min(4, availableParallelism())) };
}

if (isCsvWorker()) runCsvWorker();
else if (isRangeWorker()) runRangeWorker();
else if (require.main === module && !underHeapLimit()) {
  process.on('uncaughtException', (e) => {
    fail(e);
    process.exit(EXIT_DATA);
  });
  // A reader that closes the pipe early (`ringkas big.csv | head`) has what it wanted: stop quietly.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    fail(e);
    process.exit(EXIT_DATA);
  });
  const terminal = process.stderr.isTTY;
  run(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    now: () => new Date(),
    csvWorker: csvWorker(),
    ranges: ranges(),
    ...(process.env.SOP_TERPILAH_TRACE
      ? { trace: (text: string) => process.stderr.write(`sop-terpilah: [${text}]\n`) }
      : {}),
    ...(terminal ? { progress: (text: string) => process.stderr.write(`\r\x1b[K${text}`) } : {}),
  }).then((code) => {
    process.exitCode = code;
    // For the benchmark: the peak memory of this process, measured inside it.
    if (process.env.SOP_TERPILAH_MAXRSS)
      process.stderr.write(`sop-terpilah: maxRSS ${process.resourceUsage().maxRSS} KiB\n`);
  }, fail);
}
