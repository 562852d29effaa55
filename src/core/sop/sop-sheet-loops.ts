/**
 * The Perbaikan loops of a template: a decision whose "Perbaikan" goes back to an earlier step
 * (or itself) gets a dashed line back up. Loops whose spans overlap run in separate lanes right of
 * the executors; loops that do not overlap share one.
 */
import type { SopTemplate } from './model';

export interface Loop {
  /** 0-based indices of the deciding step and the step it sends back to (target ≤ decision). */
  decision: number;
  target: number;
  /** 0-based lane. */
  lane: number;
}

export function loopsOf(template: SopTemplate): Loop[] {
  const { steps } = template;
  const spans = steps.flatMap((step, decision) => {
    if (step.kind !== 'decision' || typeof step.onRevision !== 'number') return [];
    const target = steps.findIndex((s) => s.number === step.onRevision);
    return target >= 0 && target < decision ? [{ decision, target }] : [];
  });
  // Interval colouring by start: the first lane whose last loop ended above this one's start.
  const laneEnds: number[] = [];
  return [...spans]
    .sort((a, b) => a.target - b.target || a.decision - b.decision)
    .map((span) => {
      let lane = laneEnds.findIndex((end) => end < span.target);
      if (lane < 0) lane = laneEnds.push(span.decision) - 1;
      else laneEnds[lane] = span.decision;
      return { ...span, lane };
    });
}

export const laneCount = (loops: Loop[]): number => loops.reduce((n, loop) => Math.max(n, loop.lane + 1), 0);
