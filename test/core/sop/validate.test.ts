import { PENGUATAN_PUG } from '../../../src/core/sop/builtin-penguatan-pug';
import type { SopStep, SopTemplate } from '../../../src/core/sop/model';
import { columnToLetters } from '../../../src/core/plan/a1';
import { describeProblem } from '../../../src/core/sop/problems';
import { validateTemplate } from '../../../src/core/sop/validate';

const clone = (): SopTemplate => structuredClone(PENGUATAN_PUG);
const messages = (template: SopTemplate) => validateTemplate(template).map((p) => describeProblem(p));

describe('validateTemplate', () => {
  test('reports every problem at once, in plain Indonesian', () => {
    const template = clone();
    template.steps[2].executors = ['Kabag'];
    template.steps[3].activity = '  ';
    template.steps[5] = { ...template.steps[5], onApproved: undefined };
    template.steps[9] = { ...template.steps[9], onRevision: 42 };
    template.steps[4].number = 4;
    template.steps[6].minutes = { text: '0', values: [0] };
    expect(messages(template)).toEqual([
      'Langkah 3: pelaksana "Kabag" tidak dikenal. Pilih salah satu: Kadis, Sekretaris, Kabid, Kasi, Pelaksana.',
      'Langkah 4: kegiatan kosong.',
      'Nomor langkah 4 dipakai lebih dari sekali.',
      'Langkah 7: waktu "0" tidak terbaca. Tulis menit bulat positif, mis. "60" atau "420 atau 840".',
      'Langkah 6 adalah keputusan tetapi tujuan "Sesuai" kosong.',
      'Langkah 10: tujuan "Perbaikan" ke langkah 42, yang tidak ada.',
      'Langkah 7 tidak pernah dicapai dari langkah pertama.',
      'Langkah 8 tidak pernah dicapai dari langkah pertama.',
      'Langkah 9 tidak pernah dicapai dari langkah pertama.',
      'Langkah 10 tidak pernah dicapai dari langkah pertama.',
    ]);
  });

  test('ties each problem to its step and field, for the sheet to locate', () => {
    const template = clone();
    template.steps[2].executors = ['Kabag'];
    expect(validateTemplate(template)).toEqual([
      expect.objectContaining({ code: 'unknownRole', stepIndex: 2, field: 'executors' }),
    ]);
  });

  test('a decision jumping forward makes the skipped steps unreachable, unless a loop comes back to them', () => {
    const template = clone();
    template.steps[1] = { ...template.steps[1], onApproved: 5, onRevision: 1 };
    // Step 4 is still reached through step 6's Perbaikan loop; step 3 is not.
    expect(messages(template)).toEqual(['Langkah 3 tidak pernah dicapai dari langkah pertama.']);
  });

  test('process steps may not carry branch targets; roles must be unique and present', () => {
    const template = clone();
    template.steps[0] = { ...template.steps[0], onApproved: 2 } as SopStep;
    template.roles = ['Kadis', 'kadis', 'Sekretaris', 'Kabid', 'Kasi', 'Pelaksana'];
    expect(messages(template)).toEqual([
      'Pelaksana "kadis" tertulis lebih dari sekali.',
      'Langkah 1 adalah proses; hanya langkah keputusan yang punya tujuan Sesuai/Perbaikan.',
    ]);
  });

  test('over-long text, empty name, no steps and too many steps', () => {
    const template = clone();
    template.identity.namaSop = '';
    template.steps[0].activity = 'x'.repeat(2001);
    expect(messages(template)).toEqual([
      'Nama SOP kosong.',
      'Kegiatan terlalu panjang (2001 karakter; paling banyak 2000).',
    ]);
    expect(messages({ ...clone(), steps: [] })).toEqual(['Template belum punya langkah.']);
    const many = clone();
    many.steps = Array.from({ length: 300 }, (_, i) => ({ ...PENGUATAN_PUG.steps[0], number: i + 1 }));
    expect(messages(many)).toEqual([
      'Template punya 300 langkah; paling banyak 200. Pecah menjadi beberapa SOP.',
    ]);
  });

  test('messages are located when a row and column are known, and English is available', () => {
    const problem = { code: 'emptyActivity' as const, params: { number: 4 }, row: 21, column: 2 };
    expect(describeProblem(problem)).toBe('Baris 21, kolom B: Langkah 4: kegiatan kosong.');
    expect(describeProblem(problem, 'en')).toBe('Row 21, column B: Step 4: the activity is empty.');
    expect([1, 26, 27, 52, 703].map(columnToLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
  });
});
