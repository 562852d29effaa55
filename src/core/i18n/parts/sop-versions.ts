import { part } from './part';

/** SOP versions: the revision note asked when a changed template is generated again. */
export const sopVersions = part(
  {
    sopRevisionTitle: 'Template berubah',
    sopRevisionPrompt:
      'Template "{template}" berubah sejak SOP terakhir dibuat. Tulis catatan revisi (apa yang berubah) untuk versi {version}:',
    sopRevisionCancelled: 'SOP tidak dibuat: catatan revisi dibatalkan. Pilih "Buat SOP" lagi bila siap.',
    sopRevisionDefaultNote: 'Template diubah',
  },
  {
    sopRevisionTitle: 'Template changed',
    sopRevisionPrompt:
      'Template "{template}" changed since the SOP was last generated. Write a revision note (what changed) for version {version}:',
    sopRevisionCancelled:
      'SOP not generated: the revision note was cancelled. Choose "Create SOP" again when ready.',
    sopRevisionDefaultNote: 'Template changed',
  },
);
