import {
  LIST_FIELDS,
  MAX_ROLES,
  MAX_STEPS,
  MAX_TEXT_LENGTH,
  type SopStep,
  type SopTemplate,
  type StepTarget,
} from './model';
import type { Problem } from './problems';

const STEP_TEXT_FIELDS = ['activity', 'requirements', 'output', 'remarks'] as const;

/** Every problem of a template, at once, each tied to its step and field. Empty = valid. */
export function validateTemplate(template: SopTemplate): Problem[] {
  return [...identityProblems(template), ...roleProblems(template.roles), ...stepProblems(template)];
}

function identityProblems({ identity }: SopTemplate): Problem[] {
  const problems: Problem[] = [];
  if (identity.namaSop.trim() === '') problems.push({ code: 'emptyName', params: {}, field: 'namaSop' });
  const texts: [string, string][] = [
    ['namaSop', identity.namaSop],
    ['instansi', identity.instansi],
    ['nomor', identity.nomor],
    ...(['jabatan', 'nama', 'pangkat', 'nip'] as const).map((k): [string, string] => [
      `pengesah.${k}`,
      identity.pengesah[k],
    ]),
    ...LIST_FIELDS.flatMap((field) => identity[field].map((item): [string, string] => [field, item])),
  ];
  for (const [field, text] of texts) {
    if (text.length > MAX_TEXT_LENGTH) problems.push(tooLong(field, text));
  }
  return problems;
}

function roleProblems(roles: string[]): Problem[] {
  const problems: Problem[] = [];
  if (roles.length === 0) problems.push({ code: 'noRoles', params: {}, field: 'roles' });
  if (roles.length > MAX_ROLES)
    problems.push({ code: 'tooManyRoles', params: { count: roles.length, max: MAX_ROLES }, field: 'roles' });
  const seen = new Set<string>();
  for (const role of roles) {
    const key = role.trim().toLowerCase();
    if (key === '') problems.push({ code: 'emptyRole', params: {}, field: 'roles' });
    else if (role.length > MAX_TEXT_LENGTH) problems.push(tooLong('roles', role));
    else if (seen.has(key)) problems.push({ code: 'duplicateRole', params: { role }, field: 'roles' });
    seen.add(key);
  }
  return problems;
}

function stepProblems(template: SopTemplate): Problem[] {
  const { steps, roles } = template;
  const problems: Problem[] = [];
  if (steps.length === 0) return [{ code: 'noSteps', params: {} }];
  // Past the limit the template is refused as a whole: hundreds of follow-up messages help nobody.
  if (steps.length > MAX_STEPS)
    return [{ code: 'tooManySteps', params: { count: steps.length, max: MAX_STEPS } }];

  const roleNames = new Map(roles.map((role) => [role.trim().toLowerCase(), role]));
  const numbers = new Set<number>();
  steps.forEach((step, stepIndex) => {
    const at = (problem: Omit<Problem, 'stepIndex'>): void => void problems.push({ ...problem, stepIndex });
    const number = step.number;
    if (!Number.isInteger(number) || number <= 0)
      at({ code: 'badStepNumber', params: { value: String(number) }, field: 'number' });
    else if (numbers.has(number)) at({ code: 'duplicateStepNumber', params: { number }, field: 'number' });
    numbers.add(number);

    if (step.activity.trim() === '') at({ code: 'emptyActivity', params: { number }, field: 'activity' });
    for (const field of STEP_TEXT_FIELDS)
      if (step[field].length > MAX_TEXT_LENGTH) at({ ...tooLong(field, step[field]), field });

    if (step.executors.length === 0) at({ code: 'noExecutor', params: { number }, field: 'executors' });
    for (const role of step.executors) {
      if (!roleNames.has(role.trim().toLowerCase()))
        at({ code: 'unknownRole', params: { number, role, roles: roles.join(', ') }, field: 'executors' });
    }

    if (step.minutes.values.length === 0 || step.minutes.values.some((v) => !Number.isInteger(v) || v <= 0))
      at({ code: 'badMinutes', params: { number, value: step.minutes.text }, field: 'minutes' });
  });

  steps.forEach((step, stepIndex) =>
    problems.push(...branchProblems(step, numbers).map((p) => ({ ...p, stepIndex }))),
  );
  problems.push(...unreachable(steps));
  return problems;
}

function branchProblems(step: SopStep, numbers: Set<number>): Problem[] {
  const problems: Problem[] = [];
  const branches: [string, 'onApproved' | 'onRevision', StepTarget | undefined][] = [
    ['Sesuai', 'onApproved', step.onApproved],
    ['Perbaikan', 'onRevision', step.onRevision],
  ];
  if (step.kind === 'process') {
    if (step.onApproved !== undefined || step.onRevision !== undefined)
      problems.push({ code: 'targetOnProcess', params: { number: step.number }, field: 'onApproved' });
    return problems;
  }
  for (const [branch, field, target] of branches) {
    if (target === undefined)
      problems.push({ code: 'decisionWithoutTargets', params: { number: step.number, branch }, field });
    else if (target !== 'end' && !numbers.has(target))
      problems.push({ code: 'unknownTarget', params: { number: step.number, branch, target }, field });
  }
  return problems;
}

/** Steps run in table order; a decision continues at its Sesuai and Perbaikan targets instead. */
export function successors(steps: SopStep[], index: number): number[] {
  const step = steps[index];
  const indexOf = (target: StepTarget | undefined): number[] => {
    if (target === undefined || target === 'end') return [];
    const found = steps.findIndex((s) => s.number === target);
    return found >= 0 ? [found] : [];
  };
  if (step.kind === 'decision') return [...indexOf(step.onApproved), ...indexOf(step.onRevision)];
  return index + 1 < steps.length ? [index + 1] : [];
}

function unreachable(steps: SopStep[]): Problem[] {
  const reached = new Set<number>([0]);
  const queue = [0];
  while (queue.length > 0) {
    for (const next of successors(steps, queue.shift() as number)) {
      if (!reached.has(next)) {
        reached.add(next);
        queue.push(next);
      }
    }
  }
  return steps.flatMap((step, stepIndex) =>
    reached.has(stepIndex)
      ? []
      : [{ code: 'unreachableStep' as const, params: { number: step.number }, stepIndex, field: 'number' }],
  );
}

function tooLong(field: string, text: string): Problem {
  return { code: 'textTooLong', params: { label: field, length: text.length, max: MAX_TEXT_LENGTH }, field };
}
