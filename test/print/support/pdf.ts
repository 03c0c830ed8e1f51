// Reading a PDF the way a person looks at a printout: page count and size, each page's text in
// reading order (pdftotext -layout) and how far down the page its content reaches (pdftotext
// -bbox), and each page as a PNG (pdftoppm). Poppler's tools, installed with the test set-up.
import { execFile } from 'child_process';
import { promisify } from 'util';

const run = promisify(execFile);

export interface PdfPage {
  /** The page's text, laid out as printed (columns kept apart by spaces). */
  readonly text: string;
  /** Points from the page's top-left corner to the edges of the words on it. */
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
  readonly width: number;
  readonly height: number;
}

async function tool(name: string, args: readonly string[]): Promise<string> {
  const { stdout } = await run(name, [...args], { timeout: 60_000, maxBuffer: 32 * 1024 * 1024 });
  return stdout;
}

export async function pageCount(pdf: string): Promise<number> {
  const info = await tool('pdfinfo', [pdf]);
  const pages = /^Pages:\s+(\d+)/m.exec(info);
  if (!pages) throw new Error(`pdfinfo gave no page count for ${pdf}`);
  return Number(pages[1]);
}

export async function readPages(pdf: string): Promise<PdfPage[]> {
  const count = await pageCount(pdf);
  const pages: PdfPage[] = [];
  for (let page = 1; page <= count; page++) {
    const range = ['-f', String(page), '-l', String(page)];
    const text = await tool('pdftotext', [...range, '-layout', pdf, '-']);
    const boxes = await tool('pdftotext', [...range, '-bbox', pdf, '-']);
    const size = /<page width="([\d.]+)" height="([\d.]+)"/.exec(boxes);
    const [width, height] = [Number(size?.[1]), Number(size?.[2])];
    const words = [...boxes.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">/g)];
    const edge = (i: number, pick: (...n: number[]) => number, empty: number): number =>
      words.length > 0 ? pick(...words.map((w) => Number(w[i]))) : empty;
    pages.push({
      text,
      left: edge(1, Math.min, width),
      top: edge(2, Math.min, height),
      right: edge(3, Math.max, 0),
      bottom: edge(4, Math.max, 0),
      width,
      height,
    });
  }
  return pages;
}

/** Renders every page as `<prefix>-<n>.png` at `dpi` (pdftoppm numbers pages from 1). */
export async function renderPngs(pdf: string, prefix: string, dpi: number): Promise<void> {
  await tool('pdftoppm', ['-png', '-r', String(dpi), pdf, prefix]);
}
