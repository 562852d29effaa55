/**
 * UI strings: Bahasa Indonesia first, English available.
 * Every user-visible string of the server and the sidebar lives here, keyed by a code name,
 * so the two languages cannot drift apart (the `en` table is typed against `id`).
 */
export const id = {
  addonName: 'SOP & Data Terpilah',
  menuOpenPanel: 'Buka panel',
  menuAbout: 'Tentang add-on',
  sidebarTitle: 'SOP & Data Terpilah',
  aboutTitle: 'Tentang SOP & Data Terpilah',
  aboutBody:
    'Add-on untuk menjalankan SOP (format Permenpan RB 35/2012) dan menyusun data terpilah peserta kegiatan.\nVersi {version}.',
  loading: 'Memuat…',
  connectedTo: 'Terhubung ke',
  signedInAs: 'Masuk sebagai',
  userUnknown: 'pengguna tidak dikenal',
  timeZone: 'Zona waktu',
  serverTime: 'Waktu server',
  sheetCount: 'Jumlah sheet',
  refresh: 'Muat ulang',
  language: 'Bahasa',
  errorPrefix: 'Terjadi kesalahan',
  errorUnknownLanguage: 'Bahasa tidak dikenal: {value}. Pilih "id" atau "en".',
} as const;

export type StringKey = keyof typeof id;

export const en: Record<StringKey, string> = {
  addonName: 'SOP & Data Terpilah',
  menuOpenPanel: 'Open panel',
  menuAbout: 'About the add-on',
  sidebarTitle: 'SOP & Data Terpilah',
  aboutTitle: 'About SOP & Data Terpilah',
  aboutBody:
    'Add-on to run SOPs (Permenpan RB 35/2012 format) and to build sex-disaggregated participant data.\nVersion {version}.',
  loading: 'Loading…',
  connectedTo: 'Connected to',
  signedInAs: 'Signed in as',
  userUnknown: 'unknown user',
  timeZone: 'Time zone',
  serverTime: 'Server time',
  sheetCount: 'Sheets',
  refresh: 'Reload',
  language: 'Language',
  errorPrefix: 'Something went wrong',
  errorUnknownLanguage: 'Unknown language: {value}. Choose "id" or "en".',
};
