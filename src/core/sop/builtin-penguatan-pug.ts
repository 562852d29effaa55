import { parseMinutes } from './minutes';
import type { SopStep, SopTemplate, StepKind, StepTarget } from './model';

/**
 * The built-in template: SOP "Penguatan PUG" of DP3ACSKB Provinsi Kepulauan Bangka Belitung
 * (see shared/seed/README.md). Texts, times and outputs are the document's; the executors and
 * the three decisions were lost in the extraction and are the reconstruction proposed there —
 * every such point is an ordinary, editable template cell.
 */
const ROLES = ['Kadis', 'Sekretaris', 'Kabid', 'Kasi', 'Pelaksana'];

function step(
  number: number,
  activity: string,
  executors: string[],
  kind: StepKind,
  requirements: string,
  minutes: string,
  output: string,
  branches: { remarks?: string; onApproved?: StepTarget; onRevision?: StepTarget } = {},
): SopStep {
  const parsed = parseMinutes(minutes);
  if (!parsed) throw new Error(`Built-in template: unreadable minutes "${minutes}"`);
  return {
    number,
    activity,
    executors,
    kind,
    requirements,
    minutes: parsed,
    output,
    remarks: branches.remarks ?? '',
    ...(kind === 'decision' ? { onApproved: branches.onApproved, onRevision: branches.onRevision } : {}),
  };
}

export const PENGUATAN_PUG: SopTemplate = {
  identity: {
    instansi: 'PEMERINTAH PROVINSI KEPULAUAN BANGKA BELITUNG\nDP3ACSKB',
    nomor: '   /SOP/DP3ACSKB/2019',
    tanggalPembuatan: '2019-04-01',
    tanggalRevisi: '',
    tanggalEfektif: '2019-04-15',
    pengesah: {
      jabatan: 'Kepala DP3ACSKB Provinsi Kepulauan Bangka Belitung',
      nama: 'Dra. SUSANTI, MAP',
      pangkat: 'Pembina Utama Madya',
      nip: '19650713 199203 2 002',
    },
    namaSop: 'Penguatan PUG',
    dasarHukum: [
      'Instruksi Presiden Nomor 9 Tahun 2000 tentang Pengarusutamaan Gender dalam Pembangunan Nasional',
      'Peraturan Daerah Provinsi Kepulauan Bangka Belitung Nomor 06 Tahun 2016 tentang Pengarusutamaan Gender dalam Pembangunan Daerah',
    ],
    kualifikasiPelaksana: [
      'Memiliki kemampuan dalam melaksanakan Penguatan Pelaksanaan PUG pada Pemerintah Provinsi Kep. Bangka Belitung',
      'Mengetahui tugas dan fungsi layanan PUG dan PPRG di setiap PD',
    ],
    keterkaitan: ['SOP Pembuatan SK'],
    peralatan: [
      'Komitmen/Kebijakan Pimpinan yang responsif gender',
      'Dokumen PPRG/ARG',
      'Data Terpilah',
      'Fasilitas Pendukung responsif gender',
    ],
    peringatan: [
      'Jika SOP tidak terlaksana dengan baik, maka pelaksanaan penguatan PUG tidak dapat dilaksanakan dengan baik',
    ],
    pencatatan: ['Dokumen laporan/fisik terdata dengan tertib dan rapi'],
  },
  roles: ROLES,
  steps: [
    step(
      1,
      'Perintah/Arahan melaksanakan kegiatan/rapat internal',
      ['Kadis'],
      'process',
      'ATK dan white board',
      '60',
      'Disposisi',
      {
        remarks: 'Hasil rapat jika diperlukan',
      },
    ),
    step(
      2,
      'Konsultasi dengan atasan/PPK',
      ['Sekretaris'],
      'decision',
      'RKA/KAK/JUKLAK/DPA',
      '60',
      'Disposisi',
      {
        onApproved: 3,
        onRevision: 1,
      },
    ),
    step(
      3,
      'Penentuan hari, tempat, narasumber dan undangan/jumlah peserta',
      ['Kabid'],
      'process',
      'ATK, komputer dan printer',
      '75',
      'Tersedia jadwal',
    ),
    step(4, 'Menghubungi pihak terkait', ['Kasi'], 'process', 'Handphone, surat', '30', 'Dokumen SK'),
    step(
      5,
      'Menyampaikan undangan pelaksanaan kegiatan',
      ['Pelaksana'],
      'process',
      'Undangan',
      '360',
      'Waktu dan tempat pelaksanaan',
    ),
    step(
      6,
      'Memastikan ketersediaan yang terlibat dalam kepanitiaan',
      ['Kasi'],
      'decision',
      'Konfirmasi/surat jawaban',
      '60',
      'Surat jawaban/konfirmasi',
      {
        onApproved: 7,
        onRevision: 4,
      },
    ),
    step(
      7,
      'Menyiapkan segala kebutuhan kegiatan (materi, honorarium dll)',
      ['Pelaksana'],
      'process',
      'Ruang pertemuan, ATK, penginapan narasumber dan peserta',
      '360',
      'Materi dan laporan',
    ),
    step(
      8,
      'Melaksanakan kegiatan',
      ['Kabid', 'Kasi', 'Pelaksana'],
      'process',
      'Sambutan, materi, panitia, kehadiran peserta, narasumber dan fasilitas lainnya',
      '420 atau 840',
      'Terlaksana kegiatan',
    ),
    step(9, 'Membuat laporan SPJ', ['Pelaksana'], 'process', 'Laptop, dokumentasi', '360', 'SPJ'),
    step(
      10,
      'Mengevaluasi kegiatan',
      ['Kadis'],
      'decision',
      'Feed back, respon peserta, dll',
      '180',
      'Manfaat/benefit',
      {
        onApproved: 'end',
        onRevision: 9,
      },
    ),
  ],
};
