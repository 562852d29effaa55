import fc from 'fast-check';
import { institutionKey, institutionTokens } from '../../../src/core/terpilah/instansi-tokens';
import { InstitutionDirectory, dice, nearlyEqual } from '../../../src/core/terpilah/instansi-directory';
import {
  groupInstitutions,
  suggestGroupings,
  suggestionRows,
  ungroupedFindings,
} from '../../../src/core/terpilah/instansi-grouping';
import { readInstansiValues, seedRows, rowValues } from '../../../src/core/terpilah/instansi-sheet';
import { SEED_INSTITUTIONS } from '../../../src/core/terpilah/instansi-seed';
import type { Participant } from '../../../src/core/terpilah/model';

const BAPPEDA = 'Badan Perencanaan Pembangunan Daerah Provinsi Kepulauan Bangka Belitung';
const DINKES_BATENG = 'Dinas Kesehatan Kabupaten Bangka Tengah';

function participant(row: number, institution: string): Participant {
  return {
    row,
    activity: 'Rapat PUG',
    name: `Orang ${row}`,
    nik: '',
    nip: '',
    sex: 'P',
    age: 30,
    ageGroup: '30-34',
    lifeStage: 'dewasa',
    role: 'peserta',
    institution,
    position: '',
    regency: null,
    disability: null,
    attended: null,
  } as Participant;
}

const seeded = () => new InstitutionDirectory(seedRows());

describe('institution tokens', () => {
  test.each([
    ['Bappeda Prov. Babel'],
    ['Bappeda Provinsi Kep. Bangka Belitung'],
    ['BAPPEDA  Provinsi Kepulauan Bangka Belitung'],
    ['bappeda prov kep babel'],
    ['Badan Perencanaan Pembangunan Daerah Prov. Kep. Bangka Belitung'],
    ['Provinsi Kepulauan Bangka Belitung, Bappeda'],
  ])('"%s" has the key of the canonical Bappeda', (spelling) => {
    expect(institutionKey(spelling)).toBe(institutionKey(BAPPEDA));
  });

  test('Kab./Kabupaten, Kota Pangkalpinang/Pangkal Pinang, nicknames and "&" are undone', () => {
    expect(institutionKey('Dinkes Kab. Bateng')).toBe(institutionKey(DINKES_BATENG));
    expect(institutionKey('Dinas Sosial Kota Pangkal Pinang')).toBe(institutionKey('Dinsos Pangkalpinang'));
    expect(institutionKey('Dinas Kebudayaan & Pariwisata')).toBe(
      institutionKey('Dinas Kebudayaan dan Pariwisata'),
    );
    expect(institutionTokens('Dinas Kesehatan')).toEqual(['dinas', 'kesehatan']);
  });

  test('different places or offices keep different keys', () => {
    expect(institutionKey('Dinas Kesehatan Bangka')).not.toBe(
      institutionKey('Dinas Kesehatan Bangka Tengah'),
    );
    expect(institutionKey('Dinas Kesehatan Bangka')).not.toBe(institutionKey('Dinas Kesehatan Babel'));
    expect(institutionKey('Dinas Sosial')).not.toBe(institutionKey('Dinas Kesehatan'));
  });

  test('blank and non-text cells have no tokens', () => {
    expect(institutionKey('')).toBe('');
    expect(institutionKey(null)).toBe('');
    expect(institutionKey({})).toBe('');
    expect(institutionKey('  -- ')).toBe('');
  });

  test('property: the key ignores case, punctuation and spacing', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom('Dinas', 'Sosial', 'Prov.', 'Babel', 'Kab.', 'Bangka', 'Tengah', 'DP3ACSKB'),
          {
            minLength: 1,
            maxLength: 6,
          },
        ),
        fc.constantFrom(' ', '  ', ', ', ' - ', '.'),
        (words, separator) => {
          const plain = words.join(' ');
          const messy = words.map((w) => w.toUpperCase()).join(separator);
          expect(institutionKey(messy)).toBe(institutionKey(plain));
        },
      ),
    );
  });

  test('property: never throws, and the key is sorted distinct tokens', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const key = institutionKey(text);
        const tokens = key === '' ? [] : key.split(' ');
        expect([...new Set(tokens)].sort()).toEqual(tokens);
      }),
    );
  });
});

describe('the seed', () => {
  test('has the provincial offices and the common offices of all seven regencies', () => {
    const names = SEED_INSTITUTIONS.map((s) => s.canonical);
    for (const name of [
      BAPPEDA,
      'Dinas Pemberdayaan Perempuan, Perlindungan Anak, Kependudukan, Catatan Sipil dan Keluarga Berencana Provinsi Kepulauan Bangka Belitung',
      'Dinas Kesehatan Provinsi Kepulauan Bangka Belitung',
      'Dinas Pendidikan Provinsi Kepulauan Bangka Belitung',
      'Inspektorat Provinsi Kepulauan Bangka Belitung',
      'Dinas Sosial Provinsi Kepulauan Bangka Belitung',
      DINKES_BATENG,
      'Dinas Sosial Kota Pangkalpinang',
      'Inspektorat Kabupaten Belitung Timur',
    ])
      expect(names).toContain(name);
    for (const regency of [
      'Bangka',
      'Bangka Barat',
      'Bangka Tengah',
      'Bangka Selatan',
      'Belitung',
      'Belitung Timur',
    ])
      expect(names).toContain(`Dinas Pendidikan Kabupaten ${regency}`);
  });

  test('no two seed names share a key (each spelling groups to one institution)', () => {
    const keys = new Map<string, string>();
    for (const seed of SEED_INSTITUTIONS)
      for (const name of [seed.canonical, ...seed.aliases]) {
        const key = institutionKey(name);
        const owner = keys.get(key);
        if (owner !== undefined) expect(owner).toBe(seed.canonical);
        keys.set(key, seed.canonical);
      }
  });
});

describe('the directory', () => {
  test("groups the issue's two Bappeda spellings, bare provincial names and regency offices", () => {
    const directory = seeded();
    expect(directory.canonicalOf('Bappeda Prov. Babel')).toBe(BAPPEDA);
    expect(directory.canonicalOf('Bappeda Provinsi Kep. Bangka Belitung')).toBe(BAPPEDA);
    expect(directory.canonicalOf('DP3ACSKB Prov. Kep. Babel')).toMatch(/^Dinas Pemberdayaan Perempuan/);
    expect(directory.canonicalOf('Dinas Kesehatan')).toBe(
      'Dinas Kesehatan Provinsi Kepulauan Bangka Belitung',
    );
    expect(directory.canonicalOf('dinkes kab bateng')).toBe(DINKES_BATENG);
    expect(directory.canonicalOf('Dinas Perhubungan Kabupaten Bangka Barat')).toBeNull();
  });

  test('Usulan rows group nothing, Ditolak rows stop a suggestion, the first row wins a key', () => {
    const directory = new InstitutionDirectory([
      { canonical: 'Dinas A', alias: 'DA', status: 'Usulan' },
      { canonical: 'Dinas Kesehatan Provinsi Kepulauan Bangka Belitung', alias: '', status: 'Bawaan' },
      {
        canonical: 'Dinas Kesehatan Provinsi Kepulauan Bangka Belitung',
        alias: 'Dinas Kesehtan Provinsi',
        status: 'Ditolak',
      },
      { canonical: 'Kantor X', alias: 'KX', status: '' },
      { canonical: 'Kantor Y', alias: 'KX', status: 'Dikonfirmasi' },
    ]);
    expect(directory.canonicalOf('DA')).toBeNull();
    expect(directory.isPending('da')).toBe(true);
    expect(directory.canonicalOf('kx')).toBe('Kantor X');
    expect(directory.closest('Dinas Kesehtan Provinsi')).toBeNull();
    expect(directory.closest('Dinas Kesehatn Provinsi')?.canonical).toBe(
      'Dinas Kesehatan Provinsi Kepulauan Bangka Belitung',
    );
  });

  test('closest: a typo or a missing province name is close; another office of the same place is not', () => {
    const directory = seeded();
    expect(directory.closest('Dinas Kesehtan Kab. Bangka Tengah')?.canonical).toBe(DINKES_BATENG);
    expect(directory.closest('Dinas Kesehatan Prov')?.canonical).toBe(
      'Dinas Kesehatan Provinsi Kepulauan Bangka Belitung',
    );
    expect(directory.closest('Dinas Perhubungan Kabupaten Bangka Barat')).toBeNull();
    expect(directory.closest('Dinas Kesehatan Kota Palembang')).toBeNull();
  });

  test('dice and nearlyEqual', () => {
    expect(dice(['a', 'b'], ['a', 'b'])).toBe(1);
    expect(dice([], [])).toBe(0);
    expect(dice(['kesehatan'], ['kesehtan'])).toBe(1);
    expect(nearlyEqual('sosial', 'sosal')).toBe(true);
    expect(nearlyEqual('dinas', 'dines')).toBe(true);
    expect(nearlyEqual('bkd', 'bpd')).toBe(false);
    expect(nearlyEqual('kesehatan', 'kesehatan')).toBe(true);
    expect(nearlyEqual('pendidikan', 'perikanan')).toBe(false);
  });
});

describe('grouping a register', () => {
  test('canonical names in, ungrouped spellings listed once per key with their count and first row', () => {
    const list = [
      participant(2, 'Bappeda Prov. Babel'),
      participant(3, 'Bappeda Provinsi Kep. Bangka Belitung'),
      participant(4, 'Dinas Perhubungan Kab. Bangka Barat'),
      participant(5, 'DINAS PERHUBUNGAN KABUPATEN BANGKA BARAT'),
      participant(6, ''),
      participant(7, 'Dinas Kesehtan Bangka Tengah'),
    ];
    const directory = seeded();
    const grouped = groupInstitutions(list, directory);
    expect(grouped.participants.map((p) => p.institution)).toEqual([
      BAPPEDA,
      BAPPEDA,
      'Dinas Perhubungan Kab. Bangka Barat',
      'Dinas Perhubungan Kab. Bangka Barat',
      '',
      'Dinas Kesehtan Bangka Tengah',
    ]);
    expect(list[0].institution).toBe('Bappeda Prov. Babel'); // input untouched
    expect(grouped.ungrouped).toEqual([
      {
        spelling: 'Dinas Perhubungan Kab. Bangka Barat',
        spellings: ['Dinas Perhubungan Kab. Bangka Barat', 'DINAS PERHUBUNGAN KABUPATEN BANGKA BARAT'],
        count: 2,
        firstRow: 4,
      },
      {
        spelling: 'Dinas Kesehtan Bangka Tengah',
        spellings: ['Dinas Kesehtan Bangka Tengah'],
        count: 1,
        firstRow: 7,
      },
    ]);
    const findings = ungroupedFindings(grouped.ungrouped, 'Instansi/OPD');
    expect(findings.map((f) => [f.row, f.code, f.column])).toEqual([
      [4, 'institutionUngrouped', 'Instansi/OPD'],
      [7, 'institutionUngrouped', 'Instansi/OPD'],
    ]);
    expect(findings[0].message).toBe(
      'Baris 4: instansi "Dinas Perhubungan Kab. Bangka Barat" (2 baris, 2 ejaan) belum dikelompokkan di sheet Instansi; jalankan menu "Kelompokkan instansi".',
    );

    const suggestions = suggestGroupings(grouped.ungrouped, directory);
    expect(suggestions).toEqual([
      {
        spelling: 'Dinas Perhubungan Kab. Bangka Barat',
        canonical: 'Dinas Perhubungan Kab. Bangka Barat',
        isNew: true,
        count: 2,
      },
      {
        spelling: 'DINAS PERHUBUNGAN KABUPATEN BANGKA BARAT',
        canonical: 'Dinas Perhubungan Kab. Bangka Barat',
        isNew: true,
        count: 2,
      },
      { spelling: 'Dinas Kesehtan Bangka Tengah', canonical: DINKES_BATENG, isNew: false, count: 1 },
    ]);
    const rows = suggestionRows(suggestions, 'Dikonfirmasi');
    expect(rows[0]).toEqual({
      canonical: 'Dinas Perhubungan Kab. Bangka Barat',
      alias: '',
      status: 'Dikonfirmasi',
    });

    // Once confirmed, everything groups and nothing is suggested again.
    const after = new InstitutionDirectory([...seedRows(), ...rows]);
    const again = groupInstitutions(list, after);
    expect(again.ungrouped).toEqual([]);
    expect(again.participants[6 - 1].institution).toBe(DINKES_BATENG);
    // Saved as Usulan instead: not grouped, but not suggested twice.
    const waiting = new InstitutionDirectory([...seedRows(), ...suggestionRows(suggestions, 'Usulan')]);
    const pending = groupInstitutions(list, waiting);
    expect(pending.ungrouped).toHaveLength(2);
    expect(suggestGroupings(pending.ungrouped, waiting)).toEqual([]);
  });

  test('property: grouping keeps every participant and only changes the institution', () => {
    const spellings = ['Bappeda Prov. Babel', 'Dinkes Bateng', 'Kantor Baru', 'KANTOR BARU', '', 'Dinsos'];
    const directory = seeded();
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...spellings), { maxLength: 30 }), (picked) => {
        const list = picked.map((s, i) => participant(i + 2, s));
        const { participants, ungrouped } = groupInstitutions(list, directory);
        expect(participants).toHaveLength(list.length);
        participants.forEach((p, i) =>
          expect({ ...p, institution: '' }).toEqual({ ...list[i], institution: '' }),
        );
        const counted = ungrouped.reduce((sum, u) => sum + u.count, 0);
        expect(counted).toBe(picked.filter((s) => s.toLowerCase() === 'kantor baru').length);
      }),
    );
  });
});

describe('the Instansi sheet', () => {
  test('is read back by its headers, in any order, with several aliases in a cell', () => {
    const reading = readInstansiValues([
      ['Status', 'Alias', 'Nama baku', 'Catatan'],
      ['Dikonfirmasi', 'A1; A2', 'Kantor A', 'x'],
      ['', '', 'Kantor B', ''],
      ['Usulan', 'C', '', ''],
    ]);
    expect(reading).toEqual({
      ok: true,
      rows: [
        { canonical: 'Kantor A', alias: 'A1', status: 'Dikonfirmasi' },
        { canonical: 'Kantor A', alias: 'A2', status: 'Dikonfirmasi' },
        { canonical: 'Kantor B', alias: '', status: '' },
      ],
    });
  });

  test('without a "Nama baku" column it says what it found', () => {
    expect(
      readInstansiValues([
        ['Foo', 'Bar'],
        ['x', 'y'],
      ]),
    ).toEqual({
      ok: false,
      problem: 'noCanonicalColumn',
      found: 'Foo, Bar',
    });
    expect(readInstansiValues([])).toMatchObject({ ok: false, found: '' });
  });

  test('the seed round-trips through its sheet values', () => {
    const values = [['Nama baku', 'Alias', 'Status'], ...rowValues(seedRows())];
    const reading = readInstansiValues(values);
    expect(reading.ok && reading.rows).toEqual(seedRows());
  });
});

describe('bad input is read defensively', () => {
  test('the sheet reader: no rows, numbers, missing alias/status columns, blank names', () => {
    expect(readInstansiValues(null as unknown as unknown[][])).toMatchObject({ ok: false });
    expect(
      readInstansiValues([['Nama baku'], [42], [null], 'x' as unknown as unknown[], [' Kantor ']]),
    ).toEqual({
      ok: true,
      rows: [
        { canonical: '42', alias: '', status: '' },
        { canonical: 'Kantor', alias: '', status: '' },
      ],
    });
    expect(
      readInstansiValues([
        ['Instansi', 'Ejaan lain'],
        ['Kantor A', ' ; ;A1'],
      ]),
    ).toEqual({
      ok: true,
      rows: [{ canonical: 'Kantor A', alias: 'A1', status: '' }],
    });
  });

  test('the directory: not an array, blank or odd rows, a rejection without alias', () => {
    expect(new InstitutionDirectory(null as unknown as []).canonicalOf('x')).toBeNull();
    const directory = new InstitutionDirectory([
      { canonical: '', alias: 'X', status: '' },
      { canonical: 'Kantor A', alias: '', status: 'Ditolak' },
      null as unknown as { canonical: string; alias: string; status: string },
      {
        canonical: 'Kantor B',
        alias: undefined as unknown as string,
        status: undefined as unknown as string,
      },
    ]);
    expect(directory.canonicalOf('x')).toBeNull();
    expect(directory.canonicalOf('Kantor A')).toBeNull();
    expect(directory.canonicalOf('kantor b')).toBe('Kantor B');
    expect(directory.closest('')).toBeNull();
    expect(directory.closest('Provinsi Babel')).toBeNull();
  });

  test('grouping: not an array, a spelling with no tokens', () => {
    expect(groupInstitutions(null as unknown as Participant[], seeded())).toEqual({
      participants: [],
      ungrouped: [],
    });
    const grouped = groupInstitutions([participant(2, '---'), participant(3, '---')], seeded());
    expect(grouped.ungrouped).toEqual([{ spelling: '---', spellings: ['---'], count: 2, firstRow: 2 }]);
    expect(suggestGroupings(grouped.ungrouped, seeded())).toEqual([
      { spelling: '---', canonical: '---', isNew: true, count: 2 },
    ]);
  });
});
