// The part of the `docx` library the Word renderer uses. docx 9's ESM typings import their own files without
// extensions, which TypeScript's NodeNext resolution cannot follow ("has no exported member"), so the API is
// declared here from the library's documentation and the runtime module re-exported under these types.
import * as lib from "docx";

/** Any element the library builds (paragraph, run, table …): opaque here, passed back to the library. */
export interface DocxElement {
  readonly __docx?: never;
}
type Build<O> = new (options: O) => DocxElement;
type Options = Record<string, unknown>;

interface DocxApi {
  Document: Build<Options>;
  Paragraph: Build<Options & { children?: (DocxElement | string)[] }>;
  TextRun: Build<Options | string>;
  Table: Build<Options & { rows: DocxElement[] }>;
  TableRow: Build<Options & { children: DocxElement[] }>;
  TableCell: Build<Options & { children: DocxElement[] }>;
  Footer: Build<{ children: DocxElement[] }>;
  Bookmark: Build<{ id: string; children: DocxElement[] }>;
  PageReference: new (bookmarkId: string, options?: { hyperlink?: boolean }) => DocxElement;
  Packer: { toBuffer(document: DocxElement): Promise<Buffer> };
  AlignmentType: Record<"CENTER" | "LEFT" | "RIGHT" | "JUSTIFIED", string>;
  BorderStyle: Record<"SINGLE" | "NONE", string>;
  LeaderType: Record<"DOT" | "NONE", string>;
  TabStopType: Record<"RIGHT" | "LEFT", string>;
  ShadingType: Record<"CLEAR" | "SOLID", string>;
  VerticalAlignTable: Record<"CENTER" | "TOP", string>;
  WidthType: Record<"DXA" | "PERCENTAGE", string>;
  PageNumber: Record<"CURRENT" | "TOTAL_PAGES", string>;
}

const api = lib as unknown as DocxApi;
export const {
  AlignmentType, BorderStyle, Bookmark, Document, Footer, LeaderType, Packer, PageNumber, PageReference,
  Paragraph, ShadingType, Table, TableCell, TableRow, TabStopType, TextRun, VerticalAlignTable, WidthType,
} = api;
