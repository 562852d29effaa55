import type { ExecutionResult } from '../src/workbench/runtime';
import type { Workbench } from '../src/workbench/runtime';

/** Runs add-in code from src/ in-process with one execution's emulated globals installed. */
export function inExecution(workbench: Workbench, body: () => void): ExecutionResult {
  const { globals, finish } = workbench.beginExecution();
  const host = globalThis as Record<string, unknown>;
  const saved = Object.keys(globals).map((key) => [key, host[key]] as const);
  Object.assign(host, globals);
  try {
    body();
    return finish(null);
  } finally {
    for (const [key, value] of saved) host[key] = value;
  }
}
