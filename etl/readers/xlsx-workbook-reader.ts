import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';

type Chunks = AsyncIterable<Buffer | string>;

interface ReaderInternals {
  _parseSharedStrings(entry: NodeJS.ReadableStream): unknown;
  _parseWorksheet(iterator: Chunks, sheetNo: string): unknown;
}

/**
 * exceljs's streaming WorkbookReader, fixed for CJK text. Workaround for exceljs issues #2063 / #2084 (open in
 * 4.4.0): its SAX feed decodes each inflated 16 KB chunk on its own, so a multi-byte character split between two
 * chunks becomes U+FFFD (seen in 21 of the 495 messages of a real 问政 export). Both the shared strings and the
 * worksheet XML are decoded here with a StringDecoder, which carries split characters over to the next chunk.
 */
export function openWorkbookReader(
  filePath: string,
  options: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>,
): ExcelJS.stream.xlsx.WorkbookReader {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(filePath, options);
  const original = Object.getPrototypeOf(reader) as ReaderInternals;
  const patched = reader as unknown as ReaderInternals;
  patched._parseSharedStrings = (entry) => {
    entry.setEncoding('utf8');
    return original._parseSharedStrings.call(reader, entry);
  };
  patched._parseWorksheet = (iterator, sheetNo) =>
    original._parseWorksheet.call(reader, decodeUtf8(iterator), sheetNo);
  return reader;
}

async function* decodeUtf8(chunks: Chunks): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}
