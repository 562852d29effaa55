/**
 * The first rows of the `Instansi` sheet: the perangkat daerah of Provinsi Kepulauan Bangka
 * Belitung and the common offices of its six kabupaten and Kota Pangkalpinang.
 *
 * A STARTING LIST, NOT AN OFFICIAL ONE. The province's perangkat daerah are set by its Perda on
 * the formation and structure of perangkat daerah (Perda Prov. Kep. Bangka Belitung No. 18/2016
 * and its amendments, see https://seputarbabel.com/akan-ada-tiga-badan-jadi-satu-dinas-biro-digabung-dan-hilang/);
 * no copy of its current annex could be consulted, so the names below are the offices commonly
 * named in the province's documents (DP3ACSKB, BKPSDMD, Bappeda, ...). The office corrects the
 * sheet by hand: the add-in reads it back and never re-seeds an existing sheet.
 * The regencies: UU 27/2000 (Bangka, Belitung, Pangkalpinang) and UU 5/2003 (Bangka Selatan,
 * Bangka Tengah, Bangka Barat, Belitung Timur).
 */

export interface SeedInstitution {
  canonical: string;
  aliases: string[];
}

const PROVINCE = 'Provinsi Kepulauan Bangka Belitung';

/** [name, ...aliases]: the name gets the province's suffix; bare aliases are read as the province's. */
const PROVINCE_OFFICES: string[][] = [
  ['Sekretariat Daerah', 'Setda', 'Sekda', 'Setda Prov. Babel'],
  ['Sekretariat DPRD', 'Setwan', 'Sekretariat Dewan'],
  ['Inspektorat'],
  ['Badan Perencanaan Pembangunan Daerah', 'Bappeda', 'Bappeda Prov. Babel'],
  ['Badan Keuangan Daerah', 'Bakuda'],
  ['Badan Pendapatan Daerah', 'Bapenda'],
  ['Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Daerah', 'BKPSDMD', 'BKPSDM', 'BKD'],
  ['Badan Penanggulangan Bencana Daerah', 'BPBD'],
  ['Badan Kesatuan Bangsa dan Politik', 'Kesbangpol'],
  ['Badan Riset dan Inovasi Daerah', 'BRIDA', 'Balitbangda'],
  ['Satuan Polisi Pamong Praja', 'Satpol PP'],
  ['Dinas Pendidikan', 'Disdik', 'Dindik'],
  ['Dinas Kesehatan', 'Dinkes'],
  ['Dinas Sosial', 'Dinsos'],
  [
    'Dinas Pemberdayaan Perempuan, Perlindungan Anak, Kependudukan, Catatan Sipil dan Keluarga Berencana',
    'DP3ACSKB',
    'Dinas P3ACSKB',
  ],
  ['Dinas Tenaga Kerja dan Transmigrasi', 'Disnakertrans', 'Disnaker', 'Dinas Tenaga Kerja'],
  ['Dinas Pekerjaan Umum dan Penataan Ruang', 'Dinas PUPR', 'PUPR'],
  ['Dinas Perumahan Rakyat dan Kawasan Permukiman', 'Disperkim', 'Dinas Perkim'],
  ['Dinas Pemberdayaan Masyarakat dan Desa', 'DPMD', 'Dinas PMD'],
  ['Dinas Lingkungan Hidup', 'DLH'],
  ['Dinas Perhubungan', 'Dishub'],
  ['Dinas Komunikasi dan Informatika', 'Diskominfo', 'Kominfo'],
  ['Dinas Koperasi dan Usaha Kecil Menengah', 'Diskop UKM', 'Dinas Koperasi'],
  ['Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', 'DPMPTSP'],
  ['Dinas Kepemudaan dan Olahraga', 'Dispora'],
  ['Dinas Kebudayaan dan Pariwisata', 'Disbudpar'],
  ['Dinas Perpustakaan dan Kearsipan', 'Dispusip'],
  ['Dinas Kelautan dan Perikanan', 'DKP'],
  ['Dinas Pertanian', 'Distan'],
  ['Dinas Ketahanan Pangan'],
  ['Dinas Perindustrian dan Perdagangan', 'Disperindag'],
  ['Dinas Energi dan Sumber Daya Mineral', 'Dinas ESDM'],
  ['Dinas Kehutanan', 'Dishut'],
];

/** The seven regencies/city, with the nicknames staff use. */
const REGENCIES: { name: string; nick?: string }[] = [
  { name: 'Kabupaten Bangka' },
  { name: 'Kabupaten Belitung' },
  { name: 'Kabupaten Bangka Selatan', nick: 'Basel' },
  { name: 'Kabupaten Bangka Tengah', nick: 'Bateng' },
  { name: 'Kabupaten Bangka Barat', nick: 'Babar' },
  { name: 'Kabupaten Belitung Timur', nick: 'Beltim' },
  { name: 'Kota Pangkalpinang', nick: 'PGK' },
];

/** Offices every regency has (their exact names vary: the office renames them in the sheet). */
const REGENCY_OFFICES: string[][] = [
  ['Sekretariat Daerah', 'Setda'],
  ['Badan Perencanaan Pembangunan Daerah', 'Bappeda'],
  ['Inspektorat'],
  ['Dinas Kesehatan', 'Dinkes'],
  ['Dinas Pendidikan', 'Disdik'],
  ['Dinas Sosial', 'Dinsos'],
  ['Dinas Pemberdayaan Perempuan dan Perlindungan Anak', 'DP3A'],
  ['Dinas Kependudukan dan Pencatatan Sipil', 'Disdukcapil'],
  ['Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', 'BKPSDM'],
];

function build(): SeedInstitution[] {
  const seeds: SeedInstitution[] = PROVINCE_OFFICES.map(([name, ...aliases]) => ({
    canonical: `${name} ${PROVINCE}`,
    // The bare name too: a provincial office's staff write "Dinas Kesehatan".
    aliases: [name, ...aliases],
  }));
  for (const regency of REGENCIES) {
    const short = regency.name.replace(/^(Kabupaten|Kota) /, '');
    for (const [name, abbreviation] of REGENCY_OFFICES) {
      const aliases: string[] = [];
      if (abbreviation) aliases.push(`${abbreviation} ${short}`);
      if (regency.nick) aliases.push(`${abbreviation ?? name} ${regency.nick}`);
      seeds.push({ canonical: `${name} ${regency.name}`, aliases });
    }
  }
  return seeds;
}

export const SEED_INSTITUTIONS: readonly SeedInstitution[] = build();
