import { FIELD_LABELS, matchHeaders } from '../../../src/core/terpilah/headers';
import type { ParticipantField } from '../../../src/core/terpilah/model';

const fieldOf = (header: unknown): ParticipantField | undefined => {
  const { mapping } = matchHeaders([header]);
  return (Object.keys(mapping) as ParticipantField[])[0];
};

describe('matchHeaders', () => {
  test.each<[string, ParticipantField]>([
    ['Nama', 'name'],
    ['Nama Lengkap', 'name'],
    ['NAMA LENGKAP (beserta gelar)', 'name'],
    ['Nama lengkap sesuai KTP', 'name'],
    ['Name', 'name'],
    ['Full name', 'name'],
    ['Jenis Kelamin', 'sex'],
    ['jenis  kelamin (L/P)', 'sex'],
    ['L/P', 'sex'],
    ['JK', 'sex'],
    ['Sex', 'sex'],
    ['Gender', 'sex'],
    ['NIK', 'nik'],
    ['No. KTP', 'nik'],
    ['NIK / NIP', 'nik'],
    ['NIP', 'nip'],
    ['Umur', 'age'],
    ['Usia (tahun)', 'age'],
    ['Age', 'age'],
    ['Tanggal Lahir', 'birthDate'],
    ['Tgl. Lahir', 'birthDate'],
    ['Tempat, Tanggal Lahir', 'birthDate'],
    ['Date of birth', 'birthDate'],
    ['Instansi', 'institution'],
    ['OPD', 'institution'],
    ['Instansi/OPD', 'institution'],
    ['Asal Instansi', 'institution'],
    ['Nama Instansi', 'institution'],
    ['Lembaga', 'institution'],
    ['Jabatan', 'position'],
    ['Position', 'position'],
    ['Asal Kabupaten/Kota', 'regency'],
    ['Kabupaten/Kota', 'regency'],
    ['Kab/Kota', 'regency'],
    ['Domisili', 'regency'],
    ['Regency', 'regency'],
    ['Disabilitas', 'disability'],
    ['Penyandang disabilitas?', 'disability'],
    ['Apakah Anda penyandang disabilitas?', 'disability'],
    ['Difabel', 'disability'],
    ['Peran', 'role'],
    ['Sebagai', 'role'],
    ['Hadir sebagai', 'role'],
    ['Role', 'role'],
    ['Kehadiran', 'attendance'],
    ['Hadir', 'attendance'],
    ['Kegiatan', 'activity'],
    ['Nama Kegiatan', 'activity'],
    ['Activity', 'activity'],
    ['Apakah Anda mengalami kesulitan melihat, meskipun memakai kacamata?', 'wgSeeing'],
    ['Kesulitan mendengar', 'wgHearing'],
    ['Kesulitan berjalan atau naik tangga', 'wgWalking'],
    ['Kesulitan mengingat atau berkonsentrasi', 'wgRemembering'],
    ['Kesulitan mengurus diri sendiri (mandi, berpakaian)', 'wgSelfCare'],
    ['Kesulitan berkomunikasi', 'wgCommunicating'],
    ['Do you have difficulty seeing, even if wearing glasses?', 'wgSeeing'],
  ])('%p → %s', (header, field) => expect(fieldOf(header)).toBe(field));

  test('a Google Form sheet: timestamp ignored, first match wins, the rest unmatched', () => {
    const result = matchHeaders([
      'Timestamp',
      'Nama Lengkap',
      'Jenis Kelamin',
      'Nama',
      'No. HP',
      'Asal Instansi',
      '',
      'Stempel waktu',
    ]);
    expect(result.mapping).toEqual({ name: 1, sex: 2, institution: 5 });
    expect(result.unmatched).toEqual(['Nama', 'No. HP']);
    expect(result.recognised).toBe(true);
  });

  test('recognised needs a name or a sex column', () => {
    expect(matchHeaders(['Umur', 'Instansi']).recognised).toBe(false);
    expect(matchHeaders(['L/P']).recognised).toBe(true);
  });

  test('garbage headers never throw', () => {
    const result = matchHeaders([
      null,
      undefined,
      42,
      true,
      {},
      'x'.repeat(50_000),
      '🙂',
      '<b>Nama</b>',
      new Date(0),
    ]);
    expect(result.mapping.name).toBe(7);
    expect(matchHeaders(null as unknown as unknown[]).recognised).toBe(false);
  });

  test('every field has an Indonesian label', () => {
    expect(Object.keys(FIELD_LABELS)).toHaveLength(19);
    expect(FIELD_LABELS.sex).toBe('Jenis kelamin');
  });
});
