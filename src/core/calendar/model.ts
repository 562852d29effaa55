/**
 * The office's working calendar (`Kalender Kerja`): working hours per weekday and the days off
 * (national holidays, cuti bersama, the office's own). Actual minutes of a step are counted in
 * working time, as the mutu baku of a Permenpan RB 35/2012 SOP is.
 */

/** 0 = Sunday … 6 = Saturday, as Date.getUTCDay. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** One weekday's hours as the sheet holds them: minutes from local midnight. */
export interface WeekdayHours {
  weekday: Weekday;
  working: boolean;
  start: number;
  end: number;
  /** The break inside [start, end]; breakStart === breakEnd means none. */
  breakStart: number;
  breakEnd: number;
}

export type HolidayKind = 'national' | 'collective' | 'office';
/** "periksa": seeded, to be checked against the published decree; "tetap": confirmed. */
export type HolidayStatus = 'periksa' | 'tetap';

export interface Holiday {
  /** yyyy-mm-dd in the spreadsheet's zone. */
  date: string;
  name: string;
  kind: HolidayKind;
  status: HolidayStatus;
  source: string;
}

export interface CalendarSettings {
  /** Monday first, as the sheet lists them. */
  week: WeekdayHours[];
  holidays: Holiday[];
}

/**
 * The calendar ready to count with: working intervals per weekday (sorted, disjoint, within the
 * day) and the set of days off.
 */
export interface WorkingCalendar {
  week: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
  /** Days off as local day numbers (days since 1970-01-01 on the wall clock): no dates built per day. */
  daysOff: ReadonlySet<number>;
  /** Working minutes of a usual working day: what "1 hari" means in a duration. */
  dayMinutes: number;
}
