/**
 * Every user-visible string of the server and the sidebar, keyed by a code name. Each area keeps
 * its strings in parts/<area>.ts; this file joins them into one table per language.
 */
import { shell } from './parts/shell';
import { sopServer } from './parts/sop-server';
import { sopVersions } from './parts/sop-versions';
import { sopSidebar } from './parts/sop-sidebar';
import { progressSidebar } from './parts/progress-sidebar';
import { progressServer } from './parts/progress-server';
import { calendar } from './parts/calendar';
import { monitoring } from './parts/monitoring';
import { terpilah } from './parts/terpilah';
import { terpilahSize } from './parts/terpilah-size';
import { terpilahQuality } from './parts/terpilah-quality';
import { selfCheck } from './parts/self-check';
import { satuData } from './parts/satu-data';
import { registerCounts } from './parts/register-counts';
import { sidebarFirst } from './parts/sidebar-first';

export const id = {
  ...shell.id,
  ...sopSidebar.id,
  ...sopServer.id,
  ...sopVersions.id,
  ...progressSidebar.id,
  ...progressServer.id,
  ...calendar.id,
  ...monitoring.id,
  ...terpilah.id,
  ...terpilahSize.id,
  ...terpilahQuality.id,
  ...selfCheck.id,
  ...satuData.id,
  ...registerCounts.id,
  ...sidebarFirst.id,
} as const;

export type StringKey = keyof typeof id;

export const en: Record<StringKey, string> = {
  ...shell.en,
  ...sopSidebar.en,
  ...sopServer.en,
  ...sopVersions.en,
  ...progressSidebar.en,
  ...progressServer.en,
  ...calendar.en,
  ...monitoring.en,
  ...terpilah.en,
  ...terpilahSize.en,
  ...terpilahQuality.en,
  ...selfCheck.en,
  ...satuData.en,
  ...registerCounts.en,
  ...sidebarFirst.en,
};
