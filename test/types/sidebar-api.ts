/**
 * Compile-time only (tsc -p tsconfig.json, the first step of `npm run typecheck`): every function
 * of the sidebar's contract is exported from src/server/index.ts — the build turns exactly those
 * exports into the globals google.script.run can call — with a type that fits the contract.
 * A failure names the function: Type '"logStep"' does not satisfy the constraint 'never'.
 */
import type { SidebarApi } from '../../src/server/api';

type Exports = typeof import('../../src/server/index');
type None<T extends never> = T;

/** Contract functions src/server/index.ts does not export. */
type Missing = Exclude<keyof SidebarApi, keyof Exports>;
/** Exported under the contract's name, with a type that does not fit it. */
type Mismatched = {
  [K in keyof SidebarApi & keyof Exports]: Exports[K] extends SidebarApi[K] ? never : K;
}[keyof SidebarApi & keyof Exports];

export type Checks = [None<Missing>, None<Mismatched>];

// The check can fail: a contract name outside the exports is caught.
// @ts-expect-error 'notExported' is not exported from src/server/index.ts
export type CheckFails = None<Exclude<keyof SidebarApi | 'notExported', keyof Exports>>;
