/**
 * One cell of the data terpilah tables as a reference implementation (arquero, DuckDB) gives it:
 * its activity (null for all activities' tables), dimension ("activity" for the table by
 * activity), category as that implementation labels it, sex ('L', 'P' or 'unknown') and count.
 */
export interface TableCell {
  activity: string | null;
  dimension: string;
  category: string;
  sex: string;
  n: number;
}
