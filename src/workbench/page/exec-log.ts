/** The log of executions at the bottom of the page: newest first, at most 200 entries. */
import type { ExecutionResult } from './api';

/** Adds an entry for one execution (or a network error), its calls per method in the tooltip. */
export function logExecution(
  log: HTMLElement,
  label: string,
  result: ExecutionResult | null,
  networkError?: string,
): void {
  const entry = document.createElement('div');
  entry.className = `log-entry ${result?.ok ? 'ok' : 'error'}`;
  entry.dataset.testid = 'exec-entry';
  const time = new Date().toLocaleTimeString('id-ID', { hour12: false });
  const status = result ? (result.ok ? '✓' : '✗') : '✗';
  let text = `${time} ${status} ${label}`;
  if (result) text += ` — ${result.calls} panggilan layanan${estimate(result)}`;
  if (result && !result.ok) text += ` — ${result.error ?? 'gagal'}`;
  if (networkError) text += ` — ${networkError}`;
  entry.textContent = text;
  if (result) {
    const calls = Object.entries(result.callsByMethod ?? {})
      .sort((a, b) => b[1] - a[1])
      .map(([m, n]) => `${m}: ${n}`);
    const trips = result.roundTrips === undefined ? '' : `, perjalanan ke server: ${result.roundTrips}`;
    const cells = `sel dibaca: ${result.cellsRead ?? 0}, sel ditulis: ${result.cellsWritten ?? 0}${trips}`;
    entry.title = [cells, ...calls, ...(result.logs ?? []).map((l) => `log: ${l}`)].join('\n');
  }
  log.prepend(entry);
  while (log.childElementCount > 200) log.lastElementChild?.remove();
}

/** ", ~1.2 s di Sheets (0.6–2.4 s)": the latency model's estimate (services/latency.ts). */
function estimate(result: ExecutionResult): string {
  const s = result.estimatedSeconds;
  if (!s) return '';
  const f = (v: number) => (v < 10 ? v.toFixed(1) : v.toFixed(0));
  return `, ~${f(s.typical)} s di Sheets (${f(s.optimistic)}–${f(s.pessimistic)} s)`;
}
