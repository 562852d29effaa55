import { join } from 'node:path';
import { newWorkbookState, type UiEvent, type WorkbookState } from '../../src/workbench/model';
import { Workbench, type ExecutionResult } from '../../src/workbench/runtime';

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

export function uiOf<K extends UiEvent['kind']>(
  result: ExecutionResult,
  kind: K,
): Extract<UiEvent, { kind: K }>[] {
  return result.ui.filter((event): event is Extract<UiEvent, { kind: K }> => event.kind === kind);
}
