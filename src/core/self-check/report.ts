/** The self-check report: one line per check (✓ / ✗ / – not run), and for ✗ what to do. */
import { translator, type Language } from '../i18n';
import { SELF_CHECKS, type CheckResult } from './checks';

const MARK = { pass: '✓', fail: '✗', skip: '–' } as const;

export function selfCheckReport(
  results: readonly CheckResult[],
  language: Language,
  version: string,
): string {
  const t = translator(language);
  const lines = [t('selfCheckIntro', { version }), ''];
  let passed = 0;
  for (const spec of SELF_CHECKS) {
    const result: CheckResult = results.find((r) => r.id === spec.id) ?? {
      id: spec.id,
      status: 'skip',
      detail: { key: 'selfCheckNotRun' },
    };
    if (result.status === 'pass') passed++;
    const detail = result.detail ? `: ${t(result.detail.key, result.detail.params)}` : '';
    lines.push(`${MARK[result.status]} ${t(spec.label)}${detail}`);
    for (const change of result.changes ?? []) {
      const column = t(change.column === 'plain' ? 'selfCheckColumnPlain' : 'selfCheckColumnText');
      lines.push(`    ${JSON.stringify(change.written)} → ${change.readBack} (${column})`);
    }
    if (result.status === 'fail') lines.push(`    → ${t(spec.fix)}`);
  }
  const count = SELF_CHECKS.length;
  lines.push(
    '',
    passed === count
      ? t('selfCheckAllPassed', { count })
      : t('selfCheckSomeFailed', { failed: count - passed, count }),
  );
  return lines.join('\n');
}
