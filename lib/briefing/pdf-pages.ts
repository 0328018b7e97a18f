import { execFileSync } from 'node:child_process';
import { readdirSync, renameSync } from 'node:fs';
import path from 'node:path';

/**
 * Pictures of a PDF's pages as PNG, for a person to look at before the file goes out (`npm run briefing -- --png`):
 * poppler's pdftoppm (Debian package poppler-utils, which .ci/run installs), the reference rasteriser for PDFs, so
 * the pictures show what a PDF reader will. Files are `<pdf without .pdf>-p<N>.png`, in page order.
 */
export function pdfPagesToPng(pdfPath: string, dpi = 80): string[] {
  const stem = pdfPath.replace(/\.pdf$/, '');
  // pdftoppm names pages `<root>-<N>.png`, N padded to the page count's width (-1 or -01): render under a scratch
  // root, then rename to the stable `-p<N>.png`.
  const root = `${stem}-pdftoppm`;
  try {
    execFileSync('pdftoppm', ['-png', '-r', String(dpi), pdfPath, root], { stdio: 'pipe' });
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new Error(
      missing
        ? 'pdftoppm not found: install poppler-utils (apt-get install poppler-utils) to picture the PDF pages'
        : `pdftoppm failed on ${pdfPath}: ${(error as Error).message}`,
    );
  }
  const folder = path.dirname(root);
  const base = path.basename(root);
  return readdirSync(folder)
    .map((name) => ({ name, page: name.startsWith(`${base}-`) ? /-(\d+)\.png$/.exec(name)?.[1] : undefined }))
    .filter((f): f is { name: string; page: string } => f.page !== undefined)
    .sort((a, b) => Number(a.page) - Number(b.page))
    .map((f) => {
      const file = `${stem}-p${Number(f.page)}.png`;
      renameSync(path.join(folder, f.name), file);
      return file;
    });
}
