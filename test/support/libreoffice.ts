import { execFileSync } from 'node:child_process';
import { basename, join } from 'node:path';

/** LibreOffice's command on this machine, if any (Debian: libreoffice-calc-nogui). */
export const SOFFICE = ['soffice', 'libreoffice'].find((bin) => {
  try {
    execFileSync('which', [bin], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});

/** CI installs LibreOffice (.ci/run), so there its checks must run; elsewhere only with soffice on PATH. */
export const RUN_LIBREOFFICE_CHECKS = SOFFICE !== undefined || process.env.CI !== undefined;

/** The command, or an error saying how to install it (in CI, where the checks always run). */
export function sofficeCommand(): string {
  if (!SOFFICE) throw new Error('LibreOffice (soffice) not found: apt-get install libreoffice-calc-nogui');
  return SOFFICE;
}

/**
 * Prints `file` (an .xlsx) to PDF with LibreOffice into `dir`, with its own profile there (runs
 * never share one); returns the PDF's path.
 */
export function convertToPdf(file: string, dir: string): string {
  execFileSync(
    sofficeCommand(),
    [
      `-env:UserInstallation=file://${dir}/profile`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      file,
    ],
    { timeout: 120_000, stdio: 'ignore' },
  );
  return join(dir, `${basename(file).replace(/\.[^.]+$/, '')}.pdf`);
}
