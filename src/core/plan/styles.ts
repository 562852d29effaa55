import type { BorderSpec, CellStyle } from './plan';

/** Cell styles shared by the add-in's generated sheets (SOP, monitoring report). */
export const HEADER_BACKGROUND = '#d9d9d9';

export const HEADER: CellStyle = {
  fontWeight: 'bold',
  background: HEADER_BACKGROUND,
  horizontalAlignment: 'center',
  verticalAlignment: 'middle',
  wrap: true,
};

/** Wrapped text from the top of the cell. */
export const TEXT: CellStyle = { verticalAlignment: 'top', wrap: true };

/** Thin black lines around and inside a table. */
export const GRID_LINES: BorderSpec = {
  top: true,
  left: true,
  bottom: true,
  right: true,
  vertical: true,
  horizontal: true,
  color: '#000000',
  style: 'SOLID',
};
