/**
 * One area's UI strings: Indonesian first, and English with exactly the same keys (typed), so
 * the two languages cannot drift apart.
 */
export function part<T extends Record<string, string>>(
  id: T,
  en: Record<keyof T, string>,
): { id: T; en: Record<keyof T, string> } {
  return { id, en };
}
