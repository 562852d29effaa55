import { part } from './part';

/** The add-on shell: menu, sidebar frame, about box. */
export const shell = part(
  {
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
  },
  {
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
  },
);
