import { part } from './part';

/** Server side of templates and SOP generation: menu items, prompts, alerts, toasts, errors. */
export const sopServer = part(
  {
    menuCreateSop: 'Buat SOP',
    menuNewTemplate: 'Template baru…',
    builtinTemplateName: 'Penguatan PUG (bawaan)',
    newTemplateTitle: 'Template baru',
    newTemplatePrompt: 'Nama SOP untuk template baru (mis. "Rapat Koordinasi PUG"):',
    newTemplateSeedPrompt: 'Salin isi dari SOP bawaan Penguatan PUG? Ya = salin, Tidak = template kosong',
    templateCreatedToast: 'Template dibuat: {sheet}. Isi langkahnya, lalu pilih "Buat SOP".',
    templateNameEmpty: 'Nama template kosong. Tulis nama SOP, mis. "Rapat Koordinasi PUG".',
    templateNameTooLong: 'Nama template terlalu panjang ({length} karakter; paling banyak {max}).',
    templateExists: 'Sheet "{sheet}" sudah ada. Pilih nama lain, atau ubah template yang ada.',
    templateSourceUnknown: 'Sumber template tidak dikenal: {value}. Pilih "builtin" atau "blank".',
    templateUnknown: 'Template tidak ditemukan: {value}. Muat ulang daftar template.',
    sopCreatedToast: 'SOP dibuat: {sheet} ({steps} langkah, {minutes} menit).',
    sopCreatedTitle: 'SOP dibuat',
    sopRenamedBecause:
      'Sheet "{sheet}" sudah ada dan bukan buatan add-on, jadi tidak diubah; SOP ditulis di "{newSheet}".',
    sopProblemsTitle: 'SOP tidak dibuat',
    sopProblemsIntro: 'Template "{template}" punya {count} masalah. Tidak ada yang ditulis. Perbaiki dulu:',
    sopProblemsMore: '…dan {count} masalah lainnya',
    unexpectedError: 'Terjadi kesalahan: {message}',
    workbookFull:
      'Spreadsheet ini sudah mencapai batas Google Sheets: 10 juta sel untuk semua sheet bersama-sama, jadi tidak ada ruang untuk sheet atau baris baru. Hapus sheet, atau baris dan kolom kosong, yang tidak dipakai, lalu coba lagi.',
  },
  {
    menuCreateSop: 'Create SOP',
    menuNewTemplate: 'New template…',
    builtinTemplateName: 'Penguatan PUG (built-in)',
    newTemplateTitle: 'New template',
    newTemplatePrompt: 'SOP name for the new template (e.g. "Rapat Koordinasi PUG"):',
    newTemplateSeedPrompt: 'Copy the built-in Penguatan PUG SOP? Yes = copy, No = blank template',
    templateCreatedToast: 'Template created: {sheet}. Fill in its steps, then choose "Create SOP".',
    templateNameEmpty: 'The template name is empty. Type the SOP name, e.g. "Rapat Koordinasi PUG".',
    templateNameTooLong: 'The template name is too long ({length} characters; at most {max}).',
    templateExists: 'Sheet "{sheet}" already exists. Choose another name, or edit the existing template.',
    templateSourceUnknown: 'Unknown template source: {value}. Choose "builtin" or "blank".',
    templateUnknown: 'Template not found: {value}. Reload the template list.',
    sopCreatedToast: 'SOP created: {sheet} ({steps} steps, {minutes} minutes).',
    sopCreatedTitle: 'SOP created',
    sopRenamedBecause:
      'Sheet "{sheet}" already exists and was not made by the add-on, so it was left untouched; the SOP is in "{newSheet}".',
    sopProblemsTitle: 'SOP not created',
    sopProblemsIntro: 'Template "{template}" has {count} problems. Nothing was written. Fix them first:',
    sopProblemsMore: '…and {count} more problems',
    unexpectedError: 'Something went wrong: {message}',
    workbookFull:
      'This spreadsheet has reached the Google Sheets limit of 10 million cells across all its sheets, so there is no room for a new sheet or rows. Delete sheets, or empty rows and columns, you do not use, and try again.',
  },
);
