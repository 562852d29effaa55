/**
 * The metadata that goes with the Satu Data table. Perpres 39/2019 on Satu Data Indonesia
 * (Pasal 3) requires data to follow a data standard (konsep, definisi, klasifikasi, ukuran,
 * satuan), to carry metadata in the standard structure set by the data's pembina (BPS for
 * statistical data), to be interoperable, and to use reference codes. The elements below follow
 * the BPS structure: Peraturan BPS No. 4/2020 (standar data statistik: konsep, definisi,
 * klasifikasi, ukuran, satuan; https://www.satudata.katalitik.ai/panduan) and Peraturan BPS
 * No. 5/2020 (petunjuk teknis metadata statistik: the indicator metadata MS-Ind and variable
 * metadata MS-Var, https://indikatormakro.blogspot.com/2025/01/metadata-statistik.html), with
 * the dataset's source, date and penanggung jawab (MS-Ind's penyelenggara). Plain text only.
 */
import { formatDateTimeId, formatNumberId } from '../format';
import { maskNiksIn } from '../privacy/mask-nik';
import { SATU_DATA_COLUMNS } from './satu-data';

export interface MetadataElement {
  /** JSON key. */
  key: string;
  /** The label in the sheet (Indonesian, as the standard names it). */
  label: string;
  value: string;
}

export interface MetadataInput {
  kegiatan: string;
  periode: string;
  /** ISO date-time of generation in the spreadsheet's zone. */
  generatedAt: string;
  /** Where the register is ("sheet Peserta pada spreadsheet …", a file name). */
  sumber: string;
  /** The producing office and unit; blank = to be filled in by the office. */
  penanggungJawab?: string;
  participants: number;
}

export const STANDARDS = [
  'Peraturan Presiden Nomor 39 Tahun 2019 tentang Satu Data Indonesia',
  'Peraturan BPS Nomor 4 Tahun 2020 (standar data statistik) dan Nomor 5 Tahun 2020 (metadata statistik)',
  'Kepmendagri Nomor 300.2.2-2138 Tahun 2025 (kode wilayah administrasi pemerintahan)',
  'Permendagri Nomor 5 Tahun 2014 (sistem data gender dan anak)',
];

export const PENANGGUNG_JAWAB_BLANK = '(isi: instansi dan unit kerja penanggung jawab data)';

export function satuDataMetadata(input: MetadataInput): MetadataElement[] {
  const element = (key: string, label: string, value: string): MetadataElement => ({
    key,
    label,
    value: maskNiksIn(value),
  });
  return [
    element(
      'judul',
      'Judul',
      `Jumlah peserta kegiatan menurut jenis kelamin dan dimensi terpilah — ${input.kegiatan}`,
    ),
    element('konsep', 'Konsep', 'Peserta Kegiatan'),
    element(
      'definisi',
      'Definisi',
      'Orang yang tercatat dalam daftar peserta suatu kegiatan (sebagai peserta, narasumber atau panitia); ' +
        'setiap baris daftar peserta dihitung satu kali.',
    ),
    element(
      'klasifikasi',
      'Klasifikasi',
      'Jenis kelamin: Laki-laki, Perempuan, Tidak diketahui. Dimensi: kegiatan, peran, kelompok umur ' +
        '(lima tahunan, BPS), tahap usia, instansi (nama baku sheet Instansi), kabupaten/kota, status disabilitas.',
    ),
    element('ukuran', 'Ukuran', 'Jumlah'),
    element('satuan', 'Satuan', 'Orang'),
    element(
      'metode',
      'Metode penghitungan',
      'Pencacahan langsung dari daftar peserta. Dalam setiap dimensi tiap peserta masuk tepat satu kategori ' +
        '(nilai yang tidak terbaca masuk "Tidak diketahui"): Laki-laki + Perempuan + Tidak diketahui = Jumlah, ' +
        'dan jumlah setiap dimensi = jumlah peserta. Jenis kelamin dan umur yang kosong dapat diturunkan dari NIK/NIP.',
    ),
    element('periode', 'Periode data', input.periode),
    element(
      'kodeWilayah',
      'Kode referensi wilayah',
      'Kode Kemendagri (Kepmendagri 300.2.2-2138/2025): 19 Provinsi Kepulauan Bangka Belitung; 19.01 Bangka, ' +
        '19.02 Belitung, 19.03 Bangka Selatan, 19.04 Bangka Tengah, 19.05 Bangka Barat, 19.06 Belitung Timur, ' +
        '19.71 Kota Pangkalpinang. Kosong: kabupaten/kota di luar provinsi atau tidak diketahui.',
    ),
    element('tingkatPenyajian', 'Tingkat penyajian', 'Provinsi; kabupaten/kota pada dimensi kabupaten/kota'),
    element('sumber', 'Sumber data', input.sumber),
    element('penanggungJawab', 'Penanggung jawab', input.penanggungJawab?.trim() || PENANGGUNG_JAWAB_BLANK),
    element('tanggal', 'Tanggal pembuatan', formatDateTimeId(input.generatedAt)),
    element('jumlahPeserta', 'Jumlah peserta', formatNumberId(input.participants)),
    element('frekuensi', 'Frekuensi pemutakhiran', 'Setiap kegiatan (dibuat ulang dari daftar peserta)'),
    element(
      'akses',
      'Akses publik',
      'Terbuka: data agregat tanpa data pribadi (tanpa nama, NIK, NIP atau isian lain per peserta).',
    ),
    element('kolom', 'Kolom', SATU_DATA_COLUMNS.join(' | ')),
    element('rujukan', 'Rujukan standar', STANDARDS.join('; ')),
  ];
}

/** The variables (MS-Var): each column's definition and type, for the JSON file. */
export const SATU_DATA_VARIABLES: { nama: string; definisi: string; tipe: 'teks' | 'bilangan bulat' }[] = [
  { nama: 'Kode wilayah', definisi: 'Kode wilayah administrasi pemerintahan Kemendagri', tipe: 'teks' },
  { nama: 'Nama wilayah', definisi: 'Nama wilayah dari kode wilayah', tipe: 'teks' },
  { nama: 'Periode', definisi: 'Tahun kegiatan (rentang tahun untuk semua kegiatan)', tipe: 'teks' },
  { nama: 'Kegiatan', definisi: 'Nama kegiatan, atau "Semua kegiatan"', tipe: 'teks' },
  { nama: 'Dimensi', definisi: 'Dimensi pemilahan (peran, kelompok umur, instansi, …)', tipe: 'teks' },
  { nama: 'Kategori', definisi: 'Kategori dalam dimensi', tipe: 'teks' },
  { nama: 'Laki-laki', definisi: 'Jumlah peserta laki-laki', tipe: 'bilangan bulat' },
  { nama: 'Perempuan', definisi: 'Jumlah peserta perempuan', tipe: 'bilangan bulat' },
  {
    nama: 'Tidak diketahui',
    definisi: 'Jumlah peserta yang jenis kelaminnya tidak diketahui',
    tipe: 'bilangan bulat',
  },
  { nama: 'Jumlah', definisi: 'Laki-laki + Perempuan + Tidak diketahui', tipe: 'bilangan bulat' },
];
