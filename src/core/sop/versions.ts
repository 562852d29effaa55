/**
 * SOP versions. A template's content has a hash; the SOP sheet records the hash it was made from,
 * so generating again can tell whether the template changed since (and then asks what changed).
 * The history itself is the template's "Riwayat versi" block, oldest first.
 */
import type { SopTemplate, SopVersion } from './model';

/**
 * A hash of what the SOP shows: identity (except Tanggal Revisi, which a revision itself sets),
 * roles and steps. The history is not part of it: recording a version changes nothing to compare.
 * Two FNV-1a 32-bit hashes (different offsets) over a canonical JSON: 16 hex digits.
 */
export function templateHash(template: SopTemplate): string {
  const { tanggalRevisi: _revised, ...identity } = template.identity;
  void _revised;
  const text = JSON.stringify([canonical(identity), template.roles, template.steps.map(canonical)]);
  return fnv(text, 0x811c9dc5) + fnv(text, 0x01000193 ^ 0x5bd1e995);
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, canonical(v)]),
    );
  return value;
}

function fnv(text: string, offset: number): string {
  let hash = offset >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** The template's current version number: its last history entry, 1 without a history. */
export function currentVersion(template: SopTemplate): number {
  const versions = template.versions ?? [];
  return versions.length ? Math.max(...versions.map((v) => v.version)) : 1;
}

/** The next history entry after a change. */
export function nextVersion(template: SopTemplate, date: string, note: string, by: string): SopVersion {
  return { version: currentVersion(template) + 1, date, note, by };
}

/**
 * The template as the SOP sheet shows it: without a history, version 1 made on Tanggal
 * Pembuatan; Tanggal Revisi is the typed one or the date of the latest revision, the later.
 */
export function withVersionHistory(template: SopTemplate): SopTemplate {
  const versions: SopVersion[] = template.versions?.length
    ? template.versions
    : [{ version: 1, date: template.identity.tanggalPembuatan, note: 'Versi pertama', by: '' }];
  const revisions = versions.filter((v) => v.version > 1 && v.date);
  const latest =
    revisions
      .map((v) => v.date)
      .sort()
      .at(-1) ?? '';
  const typed = template.identity.tanggalRevisi;
  const tanggalRevisi = latest > typed ? latest : typed;
  return { ...template, identity: { ...template.identity, tanggalRevisi }, versions };
}
