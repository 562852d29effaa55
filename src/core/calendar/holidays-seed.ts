/**
 * The days off seeded into `Kalender Kerja` for the current and next year. Every seeded row has
 * status "periksa": the office checks it against the published decree and sets "tetap" (or
 * corrects the date); the add-in never overwrites a row the office has.
 *
 * 2026: SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB Nomor 1497 Tahun 2025,
 * Nomor 2 Tahun 2025, Nomor 5 Tahun 2025 tentang Hari Libur Nasional dan Cuti Bersama Tahun 2026
 * (17 libur nasional, 8 cuti bersama), as listed by Dinas Pendidikan Kota Semarang,
 * https://disdiksmg.semarangkota.go.id/post-detail/resmi-daftar-hari-libur-nasional-dan-cuti-bersama-tahun-2026-berdasarkan-skb-3-menteri
 * and https://pembelajaranbermaknaid.blogspot.com/2025/11/skb-3-menteri-rilis-daftar-cuti-bersama.html
 *
 * 2027: no SKB was found when this was written. The fixed dates are certain; the moving ones are
 * estimates (Easter 28 March 2027 by the Gregorian computus; Islamic dates about 11 days before
 * 2026's; Imlek, Nyepi and Waisak from the lunar calendar) and cuti bersama are not guessed: the
 * office adds them when the SKB is out.
 */
import type { Holiday, HolidayKind } from './model';

export const SKB_2026 = 'SKB 3 Menteri No. 1497/2/5 Tahun 2025';
export const ESTIMATE_2027 = 'Perkiraan (SKB 2027 belum terbit saat diisi)';

const entry =
  (source: string) =>
  (date: string, name: string, kind: HolidayKind = 'national'): Holiday => ({
    date,
    name,
    kind,
    status: 'periksa',
    source,
  });
const y2026 = entry(SKB_2026);
const y2027 = entry(ESTIMATE_2027);

export const SEEDED_HOLIDAYS: Holiday[] = [
  y2026('2026-01-01', 'Tahun Baru 2026 Masehi'),
  y2026('2026-01-16', 'Isra Mikraj Nabi Muhammad SAW'),
  y2026('2026-02-16', 'Cuti bersama Tahun Baru Imlek', 'collective'),
  y2026('2026-02-17', 'Tahun Baru Imlek 2577 Kongzili'),
  y2026('2026-03-18', 'Cuti bersama Hari Suci Nyepi', 'collective'),
  y2026('2026-03-19', 'Hari Suci Nyepi (Tahun Baru Saka 1948)'),
  y2026('2026-03-20', 'Cuti bersama Idul Fitri 1447 H', 'collective'),
  y2026('2026-03-21', 'Idul Fitri 1447 H'),
  y2026('2026-03-22', 'Idul Fitri 1447 H'),
  y2026('2026-03-23', 'Cuti bersama Idul Fitri 1447 H', 'collective'),
  y2026('2026-03-24', 'Cuti bersama Idul Fitri 1447 H', 'collective'),
  y2026('2026-04-03', 'Wafat Yesus Kristus'),
  y2026('2026-04-05', 'Kebangkitan Yesus Kristus (Paskah)'),
  y2026('2026-05-01', 'Hari Buruh Internasional'),
  y2026('2026-05-14', 'Kenaikan Yesus Kristus'),
  y2026('2026-05-15', 'Cuti bersama Kenaikan Yesus Kristus', 'collective'),
  y2026('2026-05-27', 'Idul Adha 1447 H'),
  y2026('2026-05-28', 'Cuti bersama Idul Adha 1447 H', 'collective'),
  y2026('2026-05-31', 'Hari Raya Waisak 2570 BE'),
  y2026('2026-06-01', 'Hari Lahir Pancasila'),
  y2026('2026-06-16', '1 Muharam Tahun Baru Islam 1448 H'),
  y2026('2026-08-17', 'Proklamasi Kemerdekaan'),
  y2026('2026-08-25', 'Maulid Nabi Muhammad SAW'),
  y2026('2026-12-24', 'Cuti bersama Kelahiran Yesus Kristus', 'collective'),
  y2026('2026-12-25', 'Kelahiran Yesus Kristus'),
  y2027('2027-01-01', 'Tahun Baru 2027 Masehi'),
  y2027('2027-01-05', 'Isra Mikraj Nabi Muhammad SAW (perkiraan)'),
  y2027('2027-02-06', 'Tahun Baru Imlek 2578 Kongzili (perkiraan)'),
  y2027('2027-03-09', 'Hari Suci Nyepi (Tahun Baru Saka 1949) (perkiraan)'),
  y2027('2027-03-10', 'Idul Fitri 1448 H (perkiraan)'),
  y2027('2027-03-11', 'Idul Fitri 1448 H (perkiraan)'),
  y2027('2027-03-26', 'Wafat Yesus Kristus'),
  y2027('2027-03-28', 'Kebangkitan Yesus Kristus (Paskah)'),
  y2027('2027-05-01', 'Hari Buruh Internasional'),
  y2027('2027-05-06', 'Kenaikan Yesus Kristus'),
  y2027('2027-05-17', 'Idul Adha 1448 H (perkiraan)'),
  y2027('2027-05-20', 'Hari Raya Waisak 2571 BE (perkiraan)'),
  y2027('2027-06-01', 'Hari Lahir Pancasila'),
  y2027('2027-06-06', '1 Muharam Tahun Baru Islam 1449 H (perkiraan)'),
  y2027('2027-08-15', 'Maulid Nabi Muhammad SAW (perkiraan)'),
  y2027('2027-08-17', 'Proklamasi Kemerdekaan'),
  y2027('2027-12-25', 'Kelahiran Yesus Kristus'),
];
