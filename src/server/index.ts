/**
 * The Apps Script globals. This file only re-exports: the build emits one top-level
 * `function <name>()` per export so that menus, triggers and google.script.run can see it.
 */
export { onOpen, onInstall } from './menu';
export { showSidebar, showAbout, menuParticipants } from './sidebar';
export { getSidebarState, setLanguage } from './sidebar-state';
export { menuCreateSop, menuNewTemplate } from './sop-menu';
export { listTemplates } from './templates/list';
export { createTemplate } from './templates/create';
export { generateSop } from './templates/generate';
export { menuMonitoringReport } from './monitoring/report';
export { listActivities, createActivity, getActivity } from './progress/activities';
export { logStep } from './progress/log-step';
export { menuRebuildProgress } from './progress/rebuild';
export { menuWorkingCalendar } from './calendar/menu';
export { addParticipant } from './terpilah/add';
export { listImportSheets, previewImport, importParticipants } from './terpilah/import';
export { menuTerpilahReport, generateTerpilahReport } from './terpilah/report';
export { terpilahHeadline, recountTerpilahHeadline } from './terpilah/headline';
export { onEdit } from './on-edit';
export { openActivity } from './open-activity';
export { menuGroupInstitutions } from './terpilah/instansi';
export { menuSatuDataExport } from './terpilah/satu-data';
export { menuSelfCheck } from './self-check/run';
