/**
 * `ringkas --satu-data <dir>`: writes the Satu Data table (satu-data.csv) and its metadata
 * (satu-data.metadata.json) from the same summaries the CLI prints, so the files hold the same
 * figures as the report and the add-in's `Satu Data` sheet. The directory is created when
 * missing; existing files of those names are replaced.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TerpilahSummary } from '../core/terpilah/model';
import { satuDataExport } from '../core/terpilah/satu-data-export';
import { CSV_FILE, METADATA_FILE, satuDataCsv, satuDataMetadataJson } from '../core/terpilah/satu-data-files';

export interface SatuDataFiles {
  csv: string;
  json: string;
  rows: number;
}

export async function writeSatuDataFiles(
  dir: string,
  summaries: readonly TerpilahSummary[],
  options: { generatedAt: string; sumber: string },
): Promise<SatuDataFiles> {
  const exported = satuDataExport(summaries, { generatedAt: options.generatedAt, sumber: options.sumber });
  await mkdir(dir, { recursive: true });
  const csv = join(dir, CSV_FILE);
  const json = join(dir, METADATA_FILE);
  await writeFile(csv, satuDataCsv(exported.rows), 'utf8');
  await writeFile(json, satuDataMetadataJson(exported.metadata, exported.rows.length), 'utf8');
  return { csv, json, rows: exported.rows.length };
}
