/**
 * Cells read and written by one execution, counted beside the workbench's call counts (which
 * weigh a 1-cell read like a 1.4-million-cell one). Every emulated Range read (getValues,
 * getDisplayValues, getSheetValues, the format getters) goes through RangeBase._read and every
 * setter through RangeBase._write: the meter wraps both for the duration of `body` and adds up
 * the rectangles. It only observes; the emulation behaves exactly as without it.
 */
import { RangeBase } from '../../src/workbench/services/range-base';

export interface CellCounts {
  /** Cells of every range read. */
  read: number;
  /** Cells of every range written, once per setter. */
  written: number;
  /** The shape of each read, "rows×columns", in order: shows where the cells went. */
  reads: string[];
}

type Proto = {
  _read: (this: RangeBase, fn: (cell: unknown) => unknown) => unknown[][];
  _write: (this: RangeBase, fn: (...args: unknown[]) => unknown) => void;
};

/** Runs `body` and returns its value with the cells it made the emulation read and write. */
export function meterCells<T>(body: () => T): { value: T; cells: CellCounts } {
  const proto = RangeBase.prototype as unknown as Proto;
  const { _read: read, _write: write } = proto;
  const cells: CellCounts = { read: 0, written: 0, reads: [] };
  let depth = 0; // a getter built on another getter counts once
  proto._read = function (fn) {
    const { numRows, numColumns } = this._rect;
    if (depth === 0) {
      cells.read += numRows * numColumns;
      cells.reads.push(`${numRows}×${numColumns}`);
    }
    depth++;
    try {
      return read.call(this, fn);
    } finally {
      depth--;
    }
  };
  proto._write = function (fn) {
    const { numRows, numColumns } = this._rect;
    cells.written += numRows * numColumns;
    return write.call(this, fn);
  };
  try {
    return { value: body(), cells };
  } finally {
    proto._read = read;
    proto._write = write;
  }
}
