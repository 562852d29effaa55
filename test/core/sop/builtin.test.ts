import { PENGUATAN_PUG } from '../../../src/core/sop/builtin-penguatan-pug';
import { minutesRange } from '../../../src/core/sop/minutes';
import { validateTemplate } from '../../../src/core/sop/validate';

describe('built-in template "Penguatan PUG"', () => {
  const { identity, roles, steps } = PENGUATAN_PUG;

  test('is valid', () => {
    expect(validateTemplate(PENGUATAN_PUG)).toEqual([]);
  });

  test('carries the identity of the source document', () => {
    expect(identity.namaSop).toBe('Penguatan PUG');
    expect(identity.nomor).toBe('   /SOP/DP3ACSKB/2019');
    expect([identity.tanggalPembuatan, identity.tanggalRevisi, identity.tanggalEfektif]).toEqual([
      '2019-04-01',
      '',
      '2019-04-15',
    ]);
    expect(identity.pengesah).toEqual({
      jabatan: 'Kepala DP3ACSKB Provinsi Kepulauan Bangka Belitung',
      nama: 'Dra. SUSANTI, MAP',
      pangkat: 'Pembina Utama Madya',
      nip: '19650713 199203 2 002',
    });
    expect(identity.dasarHukum).toHaveLength(2);
    expect(identity.kualifikasiPelaksana).toHaveLength(2);
    expect(identity.keterkaitan).toEqual(['SOP Pembuatan SK']);
    expect(identity.peralatan).toEqual([
      'Komitmen/Kebijakan Pimpinan yang responsif gender',
      'Dokumen PPRG/ARG',
      'Data Terpilah',
      'Fasilitas Pendukung responsif gender',
    ]);
    expect(identity.pencatatan).toEqual(['Dokumen laporan/fisik terdata dengan tertib dan rapi']);
  });

  test('has the five executor columns and the ten steps with their mutu baku', () => {
    expect(roles).toEqual(['Kadis', 'Sekretaris', 'Kabid', 'Kasi', 'Pelaksana']);
    expect(steps.map((s) => [s.number, s.minutes.text, s.output])).toEqual([
      [1, '60', 'Disposisi'],
      [2, '60', 'Disposisi'],
      [3, '75', 'Tersedia jadwal'],
      [4, '30', 'Dokumen SK'],
      [5, '360', 'Waktu dan tempat pelaksanaan'],
      [6, '60', 'Surat jawaban/konfirmasi'],
      [7, '360', 'Materi dan laporan'],
      [8, '420 atau 840', 'Terlaksana kegiatan'],
      [9, '360', 'SPJ'],
      [10, '180', 'Manfaat/benefit'],
    ]);
    expect(steps[0].remarks).toBe('Hasil rapat jika diperlukan');
  });

  test('totals 1,965 standard minutes, 2,385 with the two-day event', () => {
    const min = steps.reduce((sum, s) => sum + minutesRange(s.minutes).min, 0);
    const max = steps.reduce((sum, s) => sum + minutesRange(s.minutes).max, 0);
    expect([min, max]).toEqual([1965, 2385]);
  });

  test('has the three reconstructed decisions with their loops back', () => {
    const decisions = steps
      .filter((s) => s.kind === 'decision')
      .map((s) => [s.number, s.executors, s.onApproved, s.onRevision]);
    expect(decisions).toEqual([
      [2, ['Sekretaris'], 3, 1],
      [6, ['Kasi'], 7, 4],
      [10, ['Kadis'], 'end', 9],
    ]);
    expect(steps[7].executors).toEqual(['Kabid', 'Kasi', 'Pelaksana']);
  });
});
