import { part } from './part';

/** The sidebar's SOP panel, the new-template form and the collapsed info card. Keys start with `side`. */
export const sopSidebar = part(
  {
    sideSopTitle: 'Buat SOP',
    sideTemplateLabel: 'Template',
    sideTemplateBuiltin: '{name} (bawaan)',
    sideTemplateSheet: '{sheet} ({count} langkah)',
    sideTemplateSheetOne: '{sheet} (1 langkah)',
    sideNoTemplates: 'Belum ada template.',
    sideCreateSop: 'Buat SOP',
    sideSopProgress: 'Membuat SOP…',
    sideSopCreated: 'SOP dibuat di sheet “{sheet}” — {count} langkah, total {min} menit.',
    sideSopCreatedRange:
      'SOP dibuat di sheet “{sheet}” — {count} langkah, total {min} menit ({max} menit dengan alternatif terpanjang).',
    sideSopProblems: 'Template belum bisa dipakai ({count} masalah):',
    sideNewTemplateTitle: 'Template baru',
    sideNewTemplateName: 'Nama SOP',
    sideNewTemplateFrom: 'Isi awal',
    sideNewTemplateFromBuiltin: 'Salin dari SOP bawaan Penguatan PUG',
    sideNewTemplateBlank: 'Template kosong',
    sideCreateTemplate: 'Buat template',
    sideTemplateProgress: 'Membuat template…',
    sideTemplateCreated:
      'Sheet “{sheet}” dibuat. Ubah isinya di sheet itu, lalu pilih di daftar untuk membuat SOP.',
    sideTemplateNameRequired: 'Isi nama SOP dulu.',
    sideInfo: 'Info',
  },
  {
    sideSopTitle: 'Create an SOP',
    sideTemplateLabel: 'Template',
    sideTemplateBuiltin: '{name} (built-in)',
    sideTemplateSheet: '{sheet} ({count} steps)',
    sideTemplateSheetOne: '{sheet} (1 step)',
    sideNoTemplates: 'No templates yet.',
    sideCreateSop: 'Create SOP',
    sideSopProgress: 'Creating the SOP…',
    sideSopCreated: 'SOP created in sheet “{sheet}” — {count} steps, {min} minutes in total.',
    sideSopCreatedRange:
      'SOP created in sheet “{sheet}” — {count} steps, {min} minutes in total ({max} minutes with the longest alternatives).',
    sideSopProblems: 'The template cannot be used yet ({count} problems):',
    sideNewTemplateTitle: 'New template',
    sideNewTemplateName: 'SOP name',
    sideNewTemplateFrom: 'Start from',
    sideNewTemplateFromBuiltin: 'A copy of the built-in SOP Penguatan PUG',
    sideNewTemplateBlank: 'A blank template',
    sideCreateTemplate: 'Create template',
    sideTemplateProgress: 'Creating the template…',
    sideTemplateCreated:
      'Sheet “{sheet}” created. Edit its content in that sheet, then pick it in the list to create the SOP.',
    sideTemplateNameRequired: 'Enter the SOP name first.',
    sideInfo: 'Info',
  },
);
