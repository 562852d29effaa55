import { part } from './part';

/** The SOP monitoring report: menu item, toast, messages. The report itself is an Indonesian form. */
export const monitoring = part(
  {
    menuMonitoringReport: 'Laporan Monitoring SOP',
    monitoringTitle: 'Laporan Monitoring SOP',
    monitoringCreatedToast: 'Laporan monitoring dibuat: {sheet} ({sops} SOP, {activities} kegiatan).',
    monitoringSkippedRows: '{count} baris Riwayat dilewati (lihat baris 3 laporan).',
    monitoringRenamedBecause:
      'Sheet "{sheet}" sudah ada dan bukan buatan add-on, jadi tidak diubah; laporan ditulis di "{newSheet}".',
  },
  {
    menuMonitoringReport: 'SOP monitoring report',
    monitoringTitle: 'SOP monitoring report',
    monitoringCreatedToast: 'Monitoring report created: {sheet} ({sops} SOPs, {activities} activities).',
    monitoringSkippedRows: '{count} Riwayat rows were skipped (see row 3 of the report).',
    monitoringRenamedBecause:
      'Sheet "{sheet}" already exists and was not made by the add-on, so it was left untouched; the report is in "{newSheet}".',
  },
);
