/**
 * Data terpilah in core over 200,000 generated participants (DESIGN §6): every table of the
 * all-activities summary, timed against arquero (dev dependency, benchmark only) computing the
 * same tables — counts per category × sex for activity, role, age group, life stage,
 * institution, regency and disability — from the same Participant objects in the same run.
 * Also timed: summariseAll (the all-activities summary plus one per activity).
 */
import * as aq from 'arquero';
import { ageGroup, lifeStage } from '../../src/core/terpilah/age';
import type { Participant, Role } from '../../src/core/terpilah/model';
import { BABEL_REGENCIES } from '../../src/core/terpilah/nik';
import { summarise, summariseAll } from '../../src/core/terpilah/summaries';
import { random } from '../cli/generate'; // mulberry32: every run measures the same data
import type { BenchComputation } from '../types';

export const TERPILAH_PARTICIPANTS = 200_000;

export function generateParticipants(count: number, seed = 7): Participant[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const activities = Array.from({ length: 400 }, (_, i) => `Kegiatan ${i + 1}`);
  const institutions = Array.from(
    { length: 300 },
    (_, i) => `Dinas ${i + 1} Provinsi Kepulauan Bangka Belitung`,
  );
  const regencies = [...Object.values(BABEL_REGENCIES), 'Jakarta Selatan', 'Palembang', ''];
  const roles: (Role | null)[] = ['peserta', 'peserta', 'peserta', 'peserta', 'narasumber', 'panitia', null];
  const list: Participant[] = [];
  for (let i = 0; i < count; i++) {
    const age = next() < 0.1 ? null : 10 + Math.floor(next() * 70);
    const r = next();
    list.push({
      row: i + 2,
      activity: pick(activities),
      name: `Peserta ${i}`,
      nik: '',
      nip: '',
      sex: r < 0.47 ? 'L' : r < 0.97 ? 'P' : null,
      age,
      ageGroup: age === null ? null : ageGroup(age),
      lifeStage: age === null ? null : lifeStage(age),
      role: pick(roles),
      institution: next() < 0.05 ? '' : pick(institutions),
      position: '',
      regency: pick(regencies) || null,
      disability: next() < 0.2 ? null : next() < 0.05,
      attended: true,
    });
  }
  return list;
}

let data: Participant[] | null = null;
const participants = () => (data ??= generateParticipants(TERPILAH_PARTICIPANTS));

const DIMENSIONS = ['activity', 'role', 'ageGroup', 'lifeStage', 'institution', 'regency', 'disability'];

/** The same tables with arquero: one table from the objects, then a group-by count per dimension. */
export function arqueroTables(list: Participant[]): number {
  const table = aq.from(list as unknown as object[]);
  let groups = 0;
  for (const dimension of DIMENSIONS) groups += table.groupby(dimension, 'sex').count().numRows();
  return groups;
}

const NAME = `data terpilah, ${TERPILAH_PARTICIPANTS.toLocaleString('id-ID')} peserta, semua tabel`;

/** Pairs are named "<what>: ours" / "<what>: arquero"; the printer compares them. */
export const terpilahComputations: BenchComputation[] = [
  {
    name: `${NAME}: ours`,
    run: () => {
      summarise(participants(), [], null);
    },
    repeat: 3,
  },
  {
    name: `${NAME}: arquero`,
    run: () => {
      arqueroTables(participants());
    },
    repeat: 3,
  },
  {
    name: `data terpilah, ${TERPILAH_PARTICIPANTS.toLocaleString('id-ID')} peserta, summariseAll (semua + per kegiatan)`,
    run: () => {
      summariseAll(participants(), []);
    },
    repeat: 3,
  },
];
