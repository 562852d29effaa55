/**
 * Participants as small integer codes: the one pass over the participants that reads strings.
 * Institutions and regencies are interned case- and space-blind ("Dinas  kesehatan" is "Dinas
 * Kesehatan", the first spelling seen is the label); the counting after is array increments.
 */
import { AGE_GROUPS, LIFE_STAGES } from './age';
import { BABEL_NAMES, ROLE_CODES, UNKNOWN } from './categories';
import type { Participant } from './model';

const AGE_INDEX = new Map(AGE_GROUPS.map((g, i) => [g, i] as const));
const LIFE_INDEX = new Map<string, number>(LIFE_STAGES.map((s, i) => [s, i] as const));
const ROLE_INDEX = new Map<string, number>(ROLE_CODES.map((r, i) => [r, i] as const));
const AGE_UNKNOWN = AGE_GROUPS.length;

/** Participants as integer codes: the one pass that reads strings. */
export interface Coded {
  n: number;
  sex: Uint8Array;
  role: Uint8Array;
  age: Uint8Array;
  life: Uint8Array;
  disability: Uint8Array;
  institution: Int32Array;
  regency: Int32Array;
  activity: Int32Array;
  institutions: string[];
  regencies: string[];
  activities: string[];
}

export const looseKey = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();
const UNKNOWN_KEY = looseKey(UNKNOWN);

export function encode(participants: Participant[]): Coded {
  const n = participants.length;
  const coded: Coded = {
    n,
    sex: new Uint8Array(n),
    role: new Uint8Array(n),
    age: new Uint8Array(n),
    life: new Uint8Array(n),
    disability: new Uint8Array(n),
    institution: new Int32Array(n),
    regency: new Int32Array(n),
    activity: new Int32Array(n),
    institutions: [],
    regencies: [...BABEL_NAMES],
    activities: [],
  };
  const institutionExact = new Map<string, number>();
  const institutionLoose = new Map<string, number>();
  const regencyExact = new Map<string, number>(BABEL_NAMES.map((name, i) => [name, i] as const));
  const regencyLoose = new Map<string, number>(BABEL_NAMES.map((name, i) => [looseKey(name), i] as const));
  const activityIndex = new Map<string, number>();
  const intern = (
    text: string,
    exact: Map<string, number>,
    loose: Map<string, number>,
    labels: string[],
  ): number => {
    let index = exact.get(text);
    if (index === undefined) {
      const key = looseKey(text);
      if (key === UNKNOWN_KEY) {
        exact.set(text, -1);
        return -1;
      }
      index = loose.get(key);
      if (index === undefined) {
        index = labels.length;
        labels.push(text);
        loose.set(key, index);
      }
      exact.set(text, index);
    }
    return index;
  };

  for (let i = 0; i < n; i++) {
    const p = participants[i];
    coded.sex[i] = p.sex === 'L' ? 0 : p.sex === 'P' ? 1 : 2;
    coded.role[i] = ROLE_INDEX.get(p.role as string) ?? 3;
    coded.age[i] = AGE_INDEX.get(p.ageGroup as string) ?? AGE_UNKNOWN;
    coded.life[i] = LIFE_INDEX.get(p.lifeStage as string) ?? 3;
    coded.disability[i] = p.disability === true ? 0 : p.disability === false ? 1 : 2;
    const institution = typeof p.institution === 'string' ? p.institution : '';
    coded.institution[i] =
      institution === '' ? -1 : intern(institution, institutionExact, institutionLoose, coded.institutions);
    const regency = typeof p.regency === 'string' ? p.regency : '';
    coded.regency[i] = regency === '' ? -1 : intern(regency, regencyExact, regencyLoose, coded.regencies);
    const activity = typeof p.activity === 'string' ? p.activity : '';
    let a = activityIndex.get(activity);
    if (a === undefined) {
      a = coded.activities.length;
      coded.activities.push(activity);
      activityIndex.set(activity, a);
    }
    coded.activity[i] = a;
  }
  return coded;
}
