/**
 * A few A4 pages of text and rules, built and serialised synchronously on
 * pdf-lib's core objects.
 *
 * Why not PDFDocument: its create() and save() are async, and the demo ERP
 * is written inside one synchronous SQLite transaction. The objects below are
 * the same ones PDFDocument builds; serialize() is PDFWriter's layout (header,
 * objects, cross-reference table, trailer) without the awaits. The fonts are
 * standard ones (Helvetica, WinAnsi), so nothing is embedded and a document
 * stays a few kilobytes. Page content is written as content-stream text
 * rather than pdf-lib operator objects: the demo renders thousands of
 * documents at start-up, and this is several times faster.
 */
import {
  PDFCatalog,
  PDFContext,
  PDFCrossRefSection,
  PDFHeader,
  PDFName,
  PDFPageLeaf,
  PDFPageTree,
  PDFString,
  PDFTrailer,
  PDFTrailerDict,
  StandardFontEmbedder,
  StandardFonts,
  type PDFRef,
} from 'pdf-lib';

export const A4 = { width: 595.28, height: 841.89 } as const;

// pdf-lib has two enums of the standard font names (api and standard-fonts) with the same values.
const standard = (name: StandardFonts) => StandardFontEmbedder.for(name as unknown as Parameters<typeof StandardFontEmbedder.for>[0]);
// Font metrics are parsed once per process, not once per document.
const regular = standard(StandardFonts.Helvetica);
const bold = standard(StandardFonts.HelveticaBold);

export interface TextStyle {
  size: number;
  bold?: boolean;
  /** x is the right edge rather than the left one: for amounts. */
  alignRight?: boolean;
}

type Font = typeof regular;

interface Glyph {
  /** Its WinAnsi byte as a one-character string, escaped for a PDF literal string. */
  literal: string;
  ascii: boolean;
  /** Width at size 1, for each font. */
  regular: number;
  bold: number;
}

/** By UTF-16 code unit: every text the demo prints is in the Basic Multilingual Plane. */
const glyphs: Array<Glyph | undefined> = [];

function glyph(unit: number): Glyph {
  let known = glyphs[unit];
  if (known === undefined) {
    const c = String.fromCharCode(unit);
    // Characters WinAnsi cannot show lose their accent, or become '?'.
    const base = regular.encoding.canEncodeUnicodeCodePoint(unit) ? unit : c.normalize('NFD').charCodeAt(0);
    const shown = regular.encoding.canEncodeUnicodeCodePoint(base) ? base : 63;
    const encoded = regular.encoding.encodeUnicodeCodePoint(shown);
    const width = (font: Font): number => (font.font.getWidthOfGlyph(encoded.name) || 250) / 1000;
    const byte = String.fromCharCode(encoded.code);
    known = { literal: '()\\'.includes(byte) ? `\\${byte}` : byte, ascii: encoded.code < 0x80, regular: width(regular), bold: width(bold) };
    glyphs[unit] = known;
  }
  return known;
}

/** A PDF literal string of the text's WinAnsi bytes. */
function literal(text: string): string {
  let out = '(';
  for (let i = 0; i < text.length; i++) out += glyph(text.charCodeAt(i)).literal;
  return `${out})`;
}

/** Text for the document's Info dictionary, in the same repertoire. */
function printable(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += glyph(text.charCodeAt(i)).ascii ? text[i] : '?';
  return out;
}

/** Coordinates to the hundredth of a point: no exponents, no long fractions. */
const coordinate = (value: number): string => String(Math.round(value * 100) / 100);

export class PdfCanvas {
  private readonly context = PDFContext.create();
  private readonly pageTree: PDFPageTree;
  private readonly pageTreeRef: PDFRef;
  private readonly fonts: { regular: PDFRef; bold: PDFRef };
  private content = '';
  private pageOpen = false;

  constructor(info: { title: string; date: string }) {
    this.pageTree = PDFPageTree.withContext(this.context);
    this.pageTreeRef = this.context.register(this.pageTree);
    this.context.trailerInfo.Root = this.context.register(PDFCatalog.withContextAndPages(this.context, this.pageTreeRef));
    this.context.trailerInfo.Info = this.context.register(
      this.context.obj({
        Title: PDFString.of(printable(info.title)),
        Producer: PDFString.of('Ponte demo ERP'),
        // The document's own date, never the clock: the same seed gives the same bytes.
        CreationDate: PDFString.fromDate(new Date(`${info.date}T00:00:00Z`)),
      }),
    );
    this.fonts = { regular: regular.embedIntoContext(this.context), bold: bold.embedIntoContext(this.context) };
  }

  /** Width of a text at a size, in points (standard fonts, no kerning: as Tj shows it). */
  static widthOf(text: string, style: TextStyle): number {
    let width = 0;
    for (let i = 0; i < text.length; i++) width += style.bold ? glyph(text.charCodeAt(i)).bold : glyph(text.charCodeAt(i)).regular;
    return width * style.size;
  }

  /** Cuts a text with an ellipsis so it fits a column. */
  static fit(text: string, width: number, style: TextStyle): string {
    if (PdfCanvas.widthOf(text, style) <= width) return text;
    const room = width - PdfCanvas.widthOf('...', style);
    let used = 0;
    let end = 0;
    while (end < text.length) {
      const next = used + PdfCanvas.widthOf(text[end], style);
      if (next > room) break;
      used = next;
      end++;
    }
    return `${text.slice(0, end).trimEnd()}...`;
  }

  newPage(): void {
    this.finishPage();
    this.pageOpen = true;
  }

  text(value: string, x: number, y: number, style: TextStyle): void {
    const left = style.alignRight ? x - PdfCanvas.widthOf(value, style) : x;
    this.content += `BT /${style.bold ? 'F2' : 'F1'} ${style.size} Tf ${coordinate(left)} ${coordinate(y)} Td ${literal(value)} Tj ET\n`;
  }

  rule(x1: number, y1: number, x2: number, y2: number, width = 0.5): void {
    this.content += `${width} w ${coordinate(x1)} ${coordinate(y1)} m ${coordinate(x2)} ${coordinate(y2)} l S\n`;
  }

  /** The finished file. */
  toBytes(): Buffer {
    this.finishPage();
    return serialize(this.context);
  }

  private finishPage(): void {
    if (!this.pageOpen) return;
    const leaf = PDFPageLeaf.withContextAndParent(this.context, this.pageTreeRef);
    leaf.set(PDFName.of('MediaBox'), this.context.obj([0, 0, A4.width, A4.height]));
    leaf.setFontDictionary(PDFName.of('F1'), this.fonts.regular);
    leaf.setFontDictionary(PDFName.of('F2'), this.fonts.bold);
    leaf.addContentStream(this.context.register(this.context.stream(Buffer.from(this.content, 'latin1'))));
    this.pageTree.pushLeafNode(this.context.register(leaf));
    this.content = '';
    this.pageOpen = false;
  }
}

/** PDFWriter.serializeToBuffer, synchronously. */
function serialize(context: PDFContext): Buffer {
  const header = PDFHeader.forVersion(1, 7);
  const objects = context.enumerateIndirectObjects();
  const xref = PDFCrossRefSection.create();
  let size = header.sizeInBytes() + 2;
  for (const [ref, object] of objects) {
    xref.addEntry(ref, size);
    size += objectPrefix(ref).length + object.sizeInBytes() + OBJECT_SUFFIX.length;
  }
  const xrefOffset = size;
  size += xref.sizeInBytes() + 1;
  const trailerDict = PDFTrailerDict.of(
    context.obj({ Size: context.largestObjectNumber + 1, Root: context.trailerInfo.Root, Info: context.trailerInfo.Info }),
  );
  size += trailerDict.sizeInBytes() + 2;
  const trailer = PDFTrailer.forLastCrossRefSectionOffset(xrefOffset);
  size += trailer.sizeInBytes();

  const buffer = Buffer.alloc(size);
  let offset = header.copyBytesInto(buffer, 0);
  offset += buffer.write('\n\n', offset, 'latin1');
  for (const [ref, object] of objects) {
    offset += buffer.write(objectPrefix(ref), offset, 'latin1');
    offset += object.copyBytesInto(buffer, offset);
    offset += buffer.write(OBJECT_SUFFIX, offset, 'latin1');
  }
  offset += xref.copyBytesInto(buffer, offset);
  offset += buffer.write('\n', offset, 'latin1');
  offset += trailerDict.copyBytesInto(buffer, offset);
  offset += buffer.write('\n\n', offset, 'latin1');
  offset += trailer.copyBytesInto(buffer, offset);
  if (offset !== size) throw new Error(`PDF serialisation wrote ${offset} of ${size} bytes`);
  return buffer;
}

const objectPrefix = (ref: PDFRef): string => `${ref.objectNumber} ${ref.generationNumber} obj\n`;
const OBJECT_SUFFIX = '\nendobj\n\n';
