import type { ExecutionResult } from '../src/workbench/runtime';
import type { Workbench } from '../src/workbench/runtime';

/**
 * Runs add-in code from src/ in-process with one execution's emulated globals installed. An error
 * stops the bench, unless `untilStopped`: then it ends the execution as Apps Script would (past the
 * 6-minute limit, say), and the result (`ok: false`) has the calls and cells counted until then.
 */
export function inExecution(
  workbench: Workbench,
  body: () => void,
  options: { untilStopped?: boolean } = {},
): ExecutionResult {
  const { globals, finish } = workbench.beginExecution();
  const host = globalThis as Record<string, unknown>;
  const saved = Object.keys(globals).map((key) => [key, host[key]] as const);
  Object.assign(host, globals);
  try {
    body();
    return finish(null);
  } catch (error: unknown) {
    if (!options.untilStopped) throw error;
    return finish(undefined, error);
  } finally {
    for (const [key, value] of saved) host[key] = value;
  }
}
