/**
 * A register file → its data-terpilah summaries, streamed: each row goes through the add-in's
 * normaliser (rowNormaliser) and is counted at once (SummaryTally) with the findings of its row,
 * so neither rows nor participants are kept. Same figures as normaliseRows + summariseAll on the
 * whole file (test/cli/stream.test.ts compares them).
 */
import { matchHeaders } from '../core/terpilah/headers';
import type { QualityFinding, TerpilahSummary } from '../core/terpilah/model';
import { rowNormaliser, type NormaliseOptions } from '../core/terpilah/normalise';
import { SummaryTally } from '../core/terpilah/tally';
import type { RawValue } from './read-file';
import { streamTable, type StreamHeader, type StreamOptions } from './stream-table';

export interface FileSummary {
  /** The header row as found ([] for a file without one), source and warnings. */
  found: StreamHeader;
  /** Header cells as text (Dates as their ISO day). */
  headers: string[];
  /** null when the file has no header row. */
  matched: ReturnType<typeof matchHeaders> | null;
  /** Empty unless the header was recognised. */
  summaries: TerpilahSummary[];
  participants: number;
  /** Rows below the header read (blank ones too). */
  rows: number;
}

export function headerText(value: RawValue): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).trim();
}

/** Streams the file (throws ReadError for an unreadable one). `progress` also gets the rows read. */
export async function summariseFile(
  path: string,
  options: Omit<NormaliseOptions, 'firstRow'>,
  stream: Omit<StreamOptions, 'progress'> & {
    progress?: (bytesRead: number, size: number, rows: number) => void;
  } = {},
): Promise<FileSummary> {
  let found: StreamHeader | null = null;
  let matched: ReturnType<typeof matchHeaders> | null = null;
  let tally = new SummaryTally();
  let push: ReturnType<typeof rowNormaliser>['push'] = () => null;
  const rowFindings: QualityFinding[] = [];
  let participants = 0;
  let rows = 0;
  const result = await streamTable(
    path,
    {
      header: (header) => {
        found = header;
        if (header.header.length === 0) return false;
        matched = matchHeaders(header.header.map(headerText));
        if (!matched.recognised) return false;
        tally = new SummaryTally();
        push = rowNormaliser(matched.mapping, { ...options, firstRow: 1 }, { quality: rowFindings }).push;
        return true;
      },
      row: (values, row) => {
        rows++;
        const participant = push(values, row);
        if (participant) {
          participants++;
          tally.add(participant, rowFindings);
        }
        rowFindings.length = 0;
      },
      restart: () => {
        found = null;
        matched = null;
        participants = 0;
        rows = 0;
      },
    },
    { ...stream, progress: stream.progress && ((read, size) => stream.progress!(read, size, rows)) },
  );
  const header = found ?? result;
  const match = matched as ReturnType<typeof matchHeaders> | null;
  return {
    found: header,
    headers: header.header.map(headerText),
    matched: match,
    summaries: match?.recognised ? tally.summaries() : [],
    participants,
    rows,
  };
}
