export type SpreadsheetFormat = "csv" | "xlsx";

export type SniffResult =
  { ok: true; format: SpreadsheetFormat } | { ok: false; reason: "notASpreadsheet" | "xlsUnsupported" };

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((byte, i) => bytes[i] === byte);

/**
 * What a file really is, from its first bytes (the name and the browser's type are only hints: a
 * PNG renamed .csv is still a PNG). XLSX files are ZIP archives; CSV is text.
 */
export function sniffSpreadsheet(bytes: Uint8Array): SniffResult {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return { ok: true, format: "xlsx" };
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return { ok: false, reason: "xlsUnsupported" };
  // UTF-16 text has NUL bytes by design; its BOM says so.
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return { ok: true, format: "csv" };
  const head = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (const byte of head) {
    if (byte === 0) return { ok: false, reason: "notASpreadsheet" };
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control++;
  }
  if (control > head.length / 100) return { ok: false, reason: "notASpreadsheet" };
  return { ok: true, format: "csv" };
}
