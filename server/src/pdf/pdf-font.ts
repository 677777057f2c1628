/**
 * The CJK font for generated PDFs, with no system fonts and no network: Noto Sans Hans (Simplified
 * Chinese, SIL OFL 1.1) shipped as OTF by the npm package @embedpdf/fonts-sc. pdfkit embeds only the
 * glyphs a document uses (a subset), so a report stays small. When that package is missing, the
 * system's Noto Sans CJK collection is used if present.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface PdfFonts { regular: { src: string; family?: string }; bold: { src: string; family?: string } }

const SYSTEM_TTC = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const SYSTEM_BOLD_TTC = '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc';

function packagedFont(file: string): string | null {
  try {
    const path = fileURLToPath(new URL(`../fonts/${file}`, import.meta.resolve('@embedpdf/fonts-sc')));
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

let found: PdfFonts | null | undefined;

/** The fonts to register, or null when neither the package nor the system collection is there. */
export function pdfFonts(): PdfFonts | null {
  if (found !== undefined) return found;
  const regular = packagedFont('NotoSansHans-Regular.otf');
  const bold = packagedFont('NotoSansHans-Bold.otf');
  if (regular) found = { regular: { src: regular }, bold: { src: bold ?? regular } };
  else if (existsSync(SYSTEM_TTC)) {
    const b = existsSync(SYSTEM_BOLD_TTC) ? SYSTEM_BOLD_TTC : SYSTEM_TTC;
    found = { regular: { src: SYSTEM_TTC, family: 'NotoSansCJKsc-Regular' }, bold: { src: b, family: b === SYSTEM_TTC ? 'NotoSansCJKsc-Regular' : 'NotoSansCJKsc-Bold' } };
  } else found = null;
  return found;
}
