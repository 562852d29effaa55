import { join } from 'node:path';
import { newWorkbookState, type UiEvent, type WorkbookState } from '../../src/workbench/model';
import { Workbench, type ExecutionResult } from '../../src/workbench/runtime';
import { classify } from '../../src/workbench/services/latency';

/** The real dist/ bundle (built by test/global-setup.js) running in the workbench emulation. */
export const DIST = join(__dirname, '..', '..', 'dist');

export function newWorkbench(options: { state?: WorkbookState; userEmail?: string } = {}): Workbench {
  return new Workbench({
    state: options.state ?? newWorkbookState('Uji'),
    distDir: DIST,
    userEmail: options.userEmail,
  });
}

/** Runs a server function and fails the test with the script's error if it did not succeed. */
export function runOk(workbench: Workbench, name: string, args: unknown[] = []): ExecutionResult {
  const result = workbench.run(name, args);
  if (!result.ok) throw new Error(`${name} failed: ${result.error ?? JSON.stringify(result.needsInput)}`);
  return result;
}

/** The calls the latency model charges a round trip: builders, values in hand, geometry are free. */
export function roundTrips(result: Pick<ExecutionResult, 'callsByMethod'>): number {
  return Object.entries(result.callsByMethod)
    .filter(([key]) => classify(...(key.split('.') as [string, string])) !== 'free')
    .reduce((sum, [, n]) => sum + n, 0);
}

/** The calls the latency model charges a round trip, by method (roundTrips' calls). */
export function tripsByMethod(result: Pick<ExecutionResult, 'callsByMethod'>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(result.callsByMethod).filter(
      ([key]) => classify(...(key.split('.') as [string, string])) !== 'free',
    ),
  );
}

export function uiOf<K extends UiEvent['kind']>(
  result: ExecutionResult,
  kind: K,
): Extract<UiEvent, { kind: K }>[] {
  return result.ui.filter((event): event is Extract<UiEvent, { kind: K }> => event.kind === kind);
}

/**
 * Runs server code from src/ in-process against the emulation: installs the execution's service
 * globals on globalThis for the duration of `body`, then returns its result and the call count.
 */
export function inExecution<T>(workbench: Workbench, body: () => T): { value: T; result: ExecutionResult } {
  const { globals, finish } = workbench.beginExecution();
  const host = globalThis as Record<string, unknown>;
  const saved = Object.keys(globals).map((key) => [key, host[key]] as const);
  Object.assign(host, globals);
  try {
    const value = body();
    return { value, result: finish(value) };
  } catch (error) {
    finish(undefined, error);
    throw error;
  } finally {
    for (const [key, value] of saved) host[key] = value;
  }
}
