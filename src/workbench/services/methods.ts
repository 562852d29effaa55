/**
 * Methods of an emulated class defined from a table (criteria shortcuts, format properties,
 * chart types, RangeList's per-range methods): plain prototype methods under the API's names,
 * so wrap() exposes and counts them like any other.
 */
export function defineMethod<T>(
  cls: { prototype: T },
  name: string,
  fn: (this: T, ...args: unknown[]) => unknown,
): void {
  Object.defineProperty(cls.prototype, name, { value: fn, writable: true, configurable: true });
}
