/** What the status bar says while an add-in function runs: the person's words, not function names. */
const LABELS: Record<string, string> = {
  onOpen: 'Membuka add-on…',
  showSidebar: 'Membuka panel…',
  showAbout: 'Membuka info add-on…',
  menuCreateSop: 'Membuat SOP…',
  generateSop: 'Membuat SOP…',
  menuNewTemplate: 'Membuat template…',
  createTemplate: 'Membuat template…',
  menuRebuildProgress: 'Membangun ulang progres…',
  menuMonitoringReport: 'Membuat laporan monitoring…',
  menuParticipants: 'Menyiapkan impor peserta…',
  menuTerpilahReport: 'Membuat laporan data terpilah…',
  generateTerpilahReport: 'Membuat laporan data terpilah…',
  terpilahHeadline: 'Menghitung ringkasan data terpilah…',
  menuSelfCheck: 'Memeriksa pemasangan…',
  getSidebarState: 'Memuat panel…',
  getActivity: 'Memuat kegiatan…',
  listActivities: 'Memuat daftar kegiatan…',
  listTemplates: 'Memuat daftar template…',
  createActivity: 'Membuat kegiatan…',
  logStep: 'Mencatat langkah…',
  addParticipant: 'Menambah peserta…',
  importParticipants: 'Mengimpor peserta…',
  listImportSheets: 'Mencari sheet peserta…',
  previewImport: 'Memeriksa data peserta…',
  setLanguage: 'Mengganti bahasa…',
};

/** The status text for running `fn`; a generic one for functions without a label. */
export function statusLabel(fn: string): string {
  return Object.prototype.hasOwnProperty.call(LABELS, fn) ? LABELS[fn] : 'Menjalankan perintah add-on…';
}
