import { part } from './part';

/** The Kegiatan list when the first state brought only its newest activities (the rest on demand). */
export const sidebarFirst = part(
  {
    sideActShowingNewest: 'Menampilkan {shown} kegiatan terbaru dari {total}.',
    sideActShowAll: 'Tampilkan semua',
  },
  {
    sideActShowingNewest: 'Showing the newest {shown} of {total} activities.',
    sideActShowAll: 'Show all',
  },
);
