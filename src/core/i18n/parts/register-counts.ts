import { part } from './part';

/** The headline's recount from `Peserta` (server/terpilah/register-counts.ts). */
export const registerCounts = part(
  {
    sidePesRecount: 'Hitung ulang dari sheet Peserta',
  },
  {
    sidePesRecount: 'Recount from the Peserta sheet',
  },
);
