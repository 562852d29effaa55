/**
 * `npm run bench:cli`: the streaming CLI at scale, in one run on one machine.
 *
 * 1. CSV parsers: throughput on the same generated register, and agreement with csv-parse.
 * 2. Core speed: normaliseRows + summariseAll vs arquero doing the same normalisation and tables
 *    on the same parsed rows (median of 3, interleaved).
 * 3. The CLI (a child process, as a user runs it) vs DuckDB (a child process running the same
 *    tables in SQL on the same CSV, once with the CLI's duplicate check and once without): wall time, CPU time (user + system) and peak RSS, at 1 M and
 *    5 M rows (/usr/bin/time -v when present, else the CLI's own maxRSS behind an env var).
 *
 * Registers are generated into os.tmpdir() and deleted after. Prints the figures and appends
 * them to BENCHMARKS.md. Sizes: BENCH_CLI_ROWS="1000000,5000000" (CLI), BENCH_CORE_ROWS=200000;
 * BENCH_CLI_ROUNDS=3: rounds of the four CLI/DuckDB runs, taking turns (medians reported).
 * `--core` runs only part 2, `--memory` only the CLI's memory (see below).
 */
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { matchHeaders } from '../../src/core/terpilah/headers';
import { normaliseRows } from '../../src/core/terpilah/normalise';
import { summariseAll } from '../../src/core/terpilah/summaries';
import { CSV_OPTIONS } from '../../src/cli/read-file';
import { arqueroTerpilah } from './arquero-terpilah';
import { duckdbTerpilah } from './duckdb-terpilah';
import { writeRegister } from './generate';
import { compareParsers } from './parsers';

const ROOT = join(__dirname, '..');
const CLI = join(ROOT, 'build/cli/sop-terpilah.js');
const DATE = '2024-06-01';
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

const version = (name: string): string => {
  try {
    return JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return '?';
  }
};
const sizes = (env: string | undefined, fallback: number[]) =>
  env ? env.split(',').map((s) => Number(s.replace(/_/g, ''))) : fallback;
const id = (n: number) => n.toLocaleString('id-ID');
const seconds = (ms: number) => (ms / 1000).toFixed(1).replace('.', ',');
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

interface ChildFigure {
  /** The path the CLI took, as SOP_TERPILAH_TRACE says ("ranges: 2", "one thread: …"). */
  path?: string;
  wallMs: number;
  cpuMs: number;
  maxRssKiB: number;
  code: number | null;
}

/** Runs a node child under /usr/bin/time -v (or with the CLI's own maxRSS report). */
function measure(args: string[], env: Record<string, string> = {}): Promise<ChildFigure> {
  const command = TIME ?? process.execPath;
  const argv = TIME ? ['-v', process.execPath, ...args] : args;
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, argv, {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, ...env, SOP_TERPILAH_MAXRSS: '1' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - start;
      const field = (label: string) => Number(new RegExp(`${label}: ([\\d.]+)`).exec(stderr)?.[1] ?? NaN);
      const own = Number(/maxRSS (\d+) KiB/.exec(stderr)?.[1] ?? NaN);
      resolve({
        path: /sop-terpilah: \[([^\]]*)\]/.exec(stderr)?.[1],
        wallMs,
        cpuMs: TIME ? (field('User time \\(seconds\\)') + field('System time \\(seconds\\)')) * 1000 : NaN,
        maxRssKiB: TIME ? field('Maximum resident set size \\(kbytes\\)') : own,
        code,
      });
    });
  });
}

async function coreComparison(path: string, rows: number) {
  const records = parse(readFileSync(path, 'utf8'), { delimiter: ';', ...CSV_OPTIONS }) as string[][];
  const header = records[0];
  const data = records.slice(1);
  const { mapping } = matchHeaders(header);
  const ours: number[] = [];
  const arquero: number[] = [];
  // CPU time (user + system, this process) beside wall time: steadier on a shared machine.
  const cpu = { ours: [] as number[], arquero: [] as number[] };
  const cpuMs = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  let tableRows = 0;
  for (let i = 0; i < 3; i++) {
    let start = performance.now();
    let startCpu = cpuMs();
    const { participants, quality } = normaliseRows(data, mapping, { firstRow: 2, referenceDate: DATE });
    summariseAll(participants, quality);
    ours.push(performance.now() - start);
    cpu.ours.push(cpuMs() - startCpu);
    start = performance.now();
    startCpu = cpuMs();
    tableRows = arqueroTerpilah(data, mapping as Record<string, number>);
    arquero.push(performance.now() - start);
    cpu.arquero.push(cpuMs() - startCpu);
  }
  return { rows, ours: median(ours), arquero: median(arquero), tableRows, runs: { ours, arquero }, cpu };
}

/**
 * `node build/bench-cli.js --memory [cli.js]`: only the CLI's peak RSS and times at BENCH_CLI_ROWS,
 * printed, not appended (to compare two builds). BENCH_CLI_DIR keeps the registers there for reuse.
 */
async function memoryOnly(cliPath: string): Promise<void> {
  const keep = process.env.BENCH_CLI_DIR;
  const dir = keep ?? mkdtempSync(join(tmpdir(), 'sop-terpilah-bench-cli-'));
  try {
    console.log('| rows | file | CLI wall s | CLI CPU s | CLI peak RSS |');
    console.log('|---:|---:|---:|---:|---:|');
    for (const rows of sizes(process.env.BENCH_CLI_ROWS, [1_000_000, 5_000_000])) {
      const path = join(dir, `register-${rows}.csv`);
      if (!existsSync(path)) await writeRegister(path, rows);
      const cli = await measure([cliPath, 'ringkas', path, '--tanggal', DATE]);
      if (cli.code !== 0) throw new Error(`the CLI exited with ${cli.code} on ${rows} rows`);
      console.log(
        `| ${id(rows)} | ${mb(statSync(path).size)} MB | ${seconds(cli.wallMs)} | ${seconds(cli.cpuMs)} | ${Math.round(cli.maxRssKiB / 1024)} MB |`,
      );
    }
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `node build/bench-cli.js --core`: only the core comparison at BENCH_CORE_ROWS, printed with
 * every run's figures, not appended (to compare two builds of the normaliser).
 */
async function coreOnly(): Promise<void> {
  const ms = (x: number) => String(Math.round(x));
  const rows = sizes(process.env.BENCH_CORE_ROWS, [200_000])[0];
  const dir = mkdtempSync(join(tmpdir(), 'sop-terpilah-bench-core-'));
  try {
    const path = join(dir, `register-${rows}.csv`);
    await writeRegister(path, rows, 12);
    const core = await coreComparison(path, rows);
    console.log(
      `core ${id(rows)} rows: ours ${core.runs.ours.map(ms).join(' / ')} ms, ` +
        `arquero ${core.runs.arquero.map(ms).join(' / ')} ms; median ours ${ms(core.ours)} ms, ` +
        `arquero ${ms(core.arquero)} ms: ${(core.arquero / core.ours).toFixed(2)}× | CPU ms ours ` +
        `${core.cpu.ours.map(ms).join(' / ')}, arquero ${core.cpu.arquero.map(ms).join(' / ')}: ` +
        `${(median(core.cpu.arquero) / median(core.cpu.ours)).toFixed(2)}×`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  if (process.argv[2] === '--duckdb') {
    // The DuckDB child: the tables in SQL on the file (with the duplicate check unless
    // --tables-only), then its own figures.
    const found = await duckdbTerpilah(process.argv[3], DATE, process.argv[4] !== '--tables-only');
    process.stderr.write(
      `duckdb table rows ${found.tableRows}, flagged ${found.flagged}\n` +
        `sop-terpilah: maxRSS ${process.resourceUsage().maxRSS} KiB\n`,
    );
    return;
  }
  if (process.argv[2] === '--core') return coreOnly();
  if (!existsSync(CLI)) throw new Error(`${CLI} missing: run npm run build first`);
  if (process.argv[2] === '--memory') return memoryOnly(process.argv[3] ?? CLI);
  const dir = mkdtempSync(join(tmpdir(), 'sop-terpilah-bench-cli-'));
  const lines: string[] = [];
  const say = (line = '') => {
    console.log(line);
    lines.push(line);
  };
  try {
    const coreRows = sizes(process.env.BENCH_CORE_ROWS, [200_000])[0];
    const cliRows = sizes(process.env.BENCH_CLI_ROWS, [1_000_000, 5_000_000]);
    const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
    say(`## CLI streaming ${when} UTC`);
    say();
    say(
      `Machine: ${cpus()[0]?.model.trim() ?? '?'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; ` +
        `\`npm run bench:cli\`. Wall times are those of a shared machine; CPU time (user + system) is the steadier figure.`,
    );
    say();

    // 1. Parsers, on the smallest CLI size.
    const parserPath = join(dir, `register-${cliRows[0]}.csv`);
    const parserBytes = await writeRegister(parserPath, cliRows[0]);
    const figures = await compareParsers(parserPath, {
      'csv-parse': version('csv-parse'),
      papaparse: version('papaparse'),
      udsv: version('udsv'),
    });
    say(`### CSV parsers, ${id(cliRows[0])} rows (${mb(parserBytes)} MB), streamed in 1 MiB chunks`);
    say();
    say('| parser | rows | seconds | MB/s | same records as csv-parse on messy rows |');
    say('|---|---:|---:|---:|---:|');
    for (const f of figures)
      say(
        `| ${f.name} ${f.version} | ${id(f.rows)} | ${seconds(f.ms)} | ${Math.round(parserBytes / 2 ** 20 / (f.ms / 1000))} | ${f.agreement} |`,
      );
    say();
    say(
      'One thread streams with csv-parse: papaparse swallows the rest of the file after a stray quote ' +
        '(`"Siti" Ani`), udsv skips blank lines (row numbers shift) and joins a short row with the next. ' +
        'In byte ranges the CLI reads pieces without a quote with papaparse (there it reads what csv-parse ' +
        'reads: test/cli/csv-blocks.test.ts), the others with csv-parse.',
    );
    say();

    // 2. Core speed.
    const corePath = join(dir, `register-${coreRows}.csv`);
    await writeRegister(corePath, coreRows, 12);
    const core = await coreComparison(corePath, coreRows);
    rmSync(corePath);
    say(`### Core: normalisation + summaries, ${id(coreRows)} rows (median of 3)`);
    say();
    say('| what | seconds |');
    say('|---|---:|');
    say(`| ours: normaliseRows + summariseAll | ${seconds(core.ours)} |`);
    say(
      `| arquero ${version('arquero')}: same normalisation, ${id(core.tableRows)} table rows | ${seconds(core.arquero)} |`,
    );
    say();
    say(`Ours is **${(core.arquero / core.ours).toFixed(1)}×** as fast as arquero (target ≥ 2×).`);
    say();

    // 3. CLI vs DuckDB: DuckDB doing the CLI's work (the tables and the duplicate check of the
    // quality list), and the tables alone (less than the CLI does), in one run. The four take
    // turns for several rounds: on a shared machine one run each moves a ratio by ±15 %, and
    // a round's ratio compares runs made minutes apart at most.
    const rounds = Math.max(1, Number(process.env.BENCH_CLI_ROUNDS ?? 3) || 3);
    say(
      `### CLI (streaming) vs DuckDB, same CSV, same tables and duplicate check (median of ${rounds} rounds)`,
    );
    say();
    say('| rows | file | run | wall s | CPU s | peak RSS |');
    say('|---:|---:|---|---:|---:|---:|');
    const ratios: string[] = [];
    for (const rows of cliRows) {
      const path = rows === cliRows[0] ? parserPath : join(dir, `register-${rows}.csv`);
      if (path !== parserPath) await writeRegister(path, rows);
      const bytes = statSync(path).size;
      // The default (byte ranges, one per core), one thread as before, then DuckDB both ways.
      const commands: { name: string; args: string[]; env: Record<string, string> }[] = [
        {
          name: 'CLI, ranges',
          args: [CLI, 'ringkas', path, '--tanggal', DATE],
          env: { SOP_TERPILAH_TRACE: '1' },
        },
        {
          name: 'CLI, one thread',
          args: [CLI, 'ringkas', path, '--tanggal', DATE],
          env: { SOP_TERPILAH_THREADS: '1' },
        },
        {
          name: "DuckDB: tables + duplicate check (the CLI's work)",
          args: [__filename, '--duckdb', path],
          env: {},
        },
        { name: 'DuckDB: tables only', args: [__filename, '--duckdb', path, '--tables-only'], env: {} },
      ];
      const runs: ChildFigure[][] = commands.map(() => []);
      for (let round = 0; round < rounds; round++)
        for (const [k, command] of commands.entries()) {
          const run = await measure(command.args, command.env);
          if (run.code !== 0) throw new Error(`${command.name} exited with ${run.code} on ${rows} rows`);
          runs[k].push(run);
        }
      // The path the CLI took, as it says ("ranges: 2", or why one thread).
      const ranged = runs[0].find((r) => r.path)?.path;
      const names = commands.map((command, k) => (k === 0 && ranged ? `CLI, ${ranged}` : command.name));
      commands.forEach((_, k) => {
        const name = names[k];
        const of = (f: (r: ChildFigure) => number) => median(runs[k].map(f));
        say(
          `| ${id(rows)} | ${mb(bytes)} MB | ${name} | ${seconds(of((r) => r.wallMs))} | ${seconds(of((r) => r.cpuMs))} | ${Math.round(of((r) => r.maxRssKiB) / 1024)} MB |`,
        );
      });
      // Each ratio is the median of the rounds' ratios (a round's runs were made close together).
      const ratio = (duck: ChildFigure[], cli: ChildFigure[], f: (r: ChildFigure) => number) =>
        median(duck.map((d, i) => f(d) / f(cli[i]))).toFixed(2);
      const wall = (r: ChildFigure) => r.wallMs;
      const cpu = (r: ChildFigure) => r.cpuMs;
      for (const k of [0, 1])
        ratios.push(
          `| ${id(rows)} | ${names[k]} | ${ratio(runs[2], runs[k], wall)} | ${ratio(runs[2], runs[k], cpu)} | ` +
            `${ratio(runs[3], runs[k], wall)} | ${ratio(runs[3], runs[k], cpu)} |`,
        );
      rmSync(path, { force: true });
    }
    say();
    say('| rows | CLI | DuckDB same work ÷ CLI, wall | CPU | DuckDB tables only ÷ CLI, wall | CPU |');
    say('|---:|---|---:|---:|---:|---:|');
    ratios.forEach((line) => say(line));
    say();
    say(
      "Ratios ≥ 1: the CLI is no slower; each is the median of the rounds' ratios (the four runs take " +
        'turns in every round). Same work: DuckDB also finds the duplicates the CLI lists ' +
        '(test/bench/duckdb-reference.test.ts: the same tables and the same rows flagged as the CLI). ' +
        'Peak RSS target: ≤ 300 MB at 5 M rows.',
    );
    say();
    appendFileSync(join(ROOT, 'BENCHMARKS.md'), '\n' + lines.join('\n'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error((e as Error).message ?? e);
  process.exit(1);
});
