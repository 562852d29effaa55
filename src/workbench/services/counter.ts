/**
 * Call counting. Every emulated object handed to the script is a Proxy: each method call goes
 * through Execution.beforeCall (checked, counted one and recorded as "Class.method"; property
 * reads such as enums do not count). A method the emulation lacks throws "Workbench:
 * Class.method is not emulated" when called.
 * Members whose name starts with "_" are internal and invisible to the script.
 */
import type { Execution } from './context';
import { noteEmulated } from './scopes';

const targets = new WeakMap<object, object>();

/** Names probed by tooling (promises, JSON, jest, util.inspect) that must stay plain undefined. */
const PROBES = new Set([
  'then',
  'toJSON',
  'asymmetricMatch',
  'nodeType',
  'tagName',
  '$$typeof',
  'inspect',
  'length',
]);

export function wrap<T extends object>(ctx: Execution, cls: string, target: T): T {
  noteEmulated(cls, target);
  const cache = new Map<string, unknown>();
  const proxy: T = new Proxy(target, {
    get(t, prop, receiver) {
      if (typeof prop === 'symbol') return Reflect.get(t, prop, receiver);
      if (prop.startsWith('_')) return undefined;
      if (prop in Object.prototype && !Object.prototype.hasOwnProperty.call(t, prop)) {
        return Reflect.get(t, prop);
      }
      const cached = cache.get(prop);
      if (cached) return cached;
      const value = (t as Record<string, unknown>)[prop];
      if (typeof value === 'function') {
        const key = `${cls}.${prop}`;
        const fn = function (...args: unknown[]): unknown {
          ctx.beforeCall(cls, prop, key, t, args);
          const result = (value as (...a: unknown[]) => unknown).apply(t, args);
          return result === t ? proxy : result;
        };
        cache.set(prop, fn);
        return fn;
      }
      if (value !== undefined || prop in t || PROBES.has(prop)) return value;
      const missing = (): never => {
        throw ctx.exception(`Workbench: ${cls}.${prop} is not emulated`);
      };
      return missing;
    },
    set() {
      return false;
    },
  });
  targets.set(proxy, target);
  return proxy;
}

/** The emulation object behind a proxy (or the value itself). */
export function unwrap<T>(value: T): T {
  if (value && typeof value === 'object') {
    const t = targets.get(value as object);
    if (t) return t as T;
  }
  return value;
}
