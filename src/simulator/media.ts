/** Media helpers: small real sample files, mime lookups like `mime-types`, and class-validator's url/base64 checks. */

/** A 16×16 green JPEG (made once with sharp), the default photo of injected images and thumbnails. */
const SAMPLE_JPEG_BASE64 =
  "/9j/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAAQABADASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAT/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAABAb/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwCoANNP/9k=";
/** A 16×16 lossless WebP, the default sticker. */
const SAMPLE_WEBP_BASE64 = "UklGRh4AAABXRUJQVlA4TBEAAAAvD8ADAAfQ6ZbUrP+BiOh/AAA=";

/** Ogg's page checksum: CRC-32 with polynomial 0x04C11DB7, no reflection, zero initial value. */
function oggCrc(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte << 24;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x80000000 ? (crc << 1) ^ 0x04c11db7 : crc << 1;
  }
  return crc >>> 0;
}

function oggPage(packet: Buffer, sequence: number, headerType: number): Buffer {
  const header = Buffer.alloc(27);
  header.write("OggS", 0, "ascii");
  header[5] = headerType;
  header.writeUInt32LE(0x4d495247, 14); // stream serial number
  header.writeUInt32LE(sequence, 18);
  header[26] = 1; // one segment: both packets are shorter than 255 bytes
  const page = Buffer.concat([header, Buffer.from([packet.length]), packet]);
  page.writeUInt32LE(oggCrc(page), 22);
  return page;
}

/** A valid, silent Ogg Opus stream (identification and comment headers only), like a voice note's container. */
function sampleOggOpus(): Buffer {
  const head = Buffer.alloc(19);
  head.write("OpusHead", 0, "ascii");
  head[8] = 1; // version
  head[9] = 1; // mono
  head.writeUInt16LE(312, 10); // pre-skip
  head.writeUInt32LE(48_000, 12);
  const vendor = Buffer.from("mirage-simulator", "ascii");
  const tags = Buffer.alloc(8 + 4 + vendor.length + 4);
  tags.write("OpusTags", 0, "ascii");
  tags.writeUInt32LE(vendor.length, 8);
  vendor.copy(tags, 12);
  return Buffer.concat([oggPage(head, 0, 0x02), oggPage(tags, 1, 0x04)]);
}

/** An MP4 header (`ftyp` + empty `free` box): enough for anything that sniffs the type. */
function sampleMp4(): Buffer {
  const ftyp = Buffer.alloc(32);
  ftyp.writeUInt32BE(32, 0);
  ftyp.write("ftypisom", 4, "ascii");
  ftyp.writeUInt32BE(0x200, 12);
  ftyp.write("isomiso2avc1mp41", 16, "ascii");
  const free = Buffer.from([0, 0, 0, 8, 0x66, 0x72, 0x65, 0x65]);
  return Buffer.concat([ftyp, free]);
}

const samplePdf = (): Buffer =>
  Buffer.from(
    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n" +
      "trailer<</Root 1 0 R>>\n%%EOF\n",
    "latin1",
  );

export type SampleKind = "image" | "sticker" | "audio" | "video" | "document";

export function sampleBytes(kind: SampleKind): Buffer {
  switch (kind) {
    case "image":
      return Buffer.from(SAMPLE_JPEG_BASE64, "base64");
    case "sticker":
      return Buffer.from(SAMPLE_WEBP_BASE64, "base64");
    case "audio":
      return sampleOggOpus();
    case "video":
      return sampleMp4();
    case "document":
      return samplePdf();
  }
}

export const sampleThumbnail = (): Buffer => sampleBytes("image");

/** Width and height of a PNG, JPEG or WebP, like the metadata sharp gives Evolution. */
export function imageSize(bytes: Buffer): { width: number; height: number } | undefined {
  if (bytes.length > 24 && bytes.readUInt32BE(0) === 0x89504e47) {
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  }
  if (bytes.length > 30 && bytes.toString("ascii", 0, 4) === "RIFF" && bytes.toString("ascii", 8, 12) === "WEBP") {
    const chunk = bytes.toString("ascii", 12, 16);
    if (chunk === "VP8L") {
      const bits = bytes.readUInt32LE(21);
      return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
    }
    if (chunk === "VP8X") return { width: bytes.readUIntLE(24, 3) + 1, height: bytes.readUIntLE(27, 3) + 1 };
    if (chunk === "VP8 ") return { width: bytes.readUInt16LE(26) & 0x3fff, height: bytes.readUInt16LE(28) & 0x3fff };
    return undefined;
  }
  if (bytes.length > 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    let offset = 2;
    while (offset + 9 < bytes.length && bytes[offset] === 0xff) {
      const marker = bytes[offset + 1]!;
      const length = bytes.readUInt16BE(offset + 2);
      const isStartOfFrame = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
      if (isStartOfFrame) return { width: bytes.readUInt16BE(offset + 7), height: bytes.readUInt16BE(offset + 5) };
      offset += 2 + length;
    }
  }
  return undefined;
}

/** `mime-types` lookups Evolution relies on (first extension of each type, as `mime.extension` answers). */
const mimeByExtension: Record<string, string> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  gif: "image/gif",
  webp: "image/webp",
  mp4: "video/mp4",
  "3gp": "video/3gpp",
  mov: "video/quicktime",
  webm: "video/webm",
  mp3: "audio/mpeg",
  mpga: "audio/mpeg",
  ogg: "audio/ogg",
  oga: "audio/ogg",
  opus: "audio/ogg",
  m4a: "audio/mp4",
  aac: "audio/aac",
  wav: "audio/wav",
  pdf: "application/pdf",
  doc: "application/msword",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xls: "application/vnd.ms-excel",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ppt: "application/vnd.ms-powerpoint",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  txt: "text/plain",
  csv: "text/csv",
  json: "application/json",
  zip: "application/zip",
  vcf: "text/vcard",
};

const extensionByMime: Record<string, string> = {
  "image/jpeg": "jpeg",
  "image/png": "png",
  "image/gif": "gif",
  "image/webp": "webp",
  "video/mp4": "mp4",
  "video/3gpp": "3gp",
  "video/quicktime": "qt",
  "video/webm": "webm",
  "audio/mpeg": "mpga",
  "audio/ogg": "oga",
  "audio/mp4": "m4a",
  "audio/aac": "aac",
  "audio/wav": "wav",
  "application/pdf": "pdf",
  "application/msword": "doc",
  "text/plain": "txt",
  "text/csv": "csv",
  "application/json": "json",
  "application/zip": "zip",
  "text/vcard": "vcf",
};

/** `mime.lookup(fileName)`: the type for the name's extension, or `false`. */
export function mimeFromFileName(fileName: string): string | false {
  const extension = fileName.includes(".") ? fileName.split(".").pop()!.toLowerCase() : fileName.toLowerCase();
  return mimeByExtension[extension] ?? false;
}

/** `mime.extension(mimetype)` (parameters such as "; codecs=opus" ignored), or `false`. */
export function extensionFromMime(mimetype: string | undefined): string | false {
  const type = /^\s*([^;\s]*)/.exec(mimetype ?? "")?.[1]?.toLowerCase() ?? "";
  return extensionByMime[type] ?? false;
}

/** validator.js `isBase64` with default options (so "" counts as base64, as in Evolution). */
export function isBase64(value: unknown): value is string {
  if (typeof value !== "string" || value.length % 4 !== 0 || /[^A-Z0-9+/=]/i.test(value)) return false;
  const firstPadding = value.indexOf("=");
  return (
    firstPadding === -1 ||
    firstPadding === value.length - 1 ||
    (firstPadding === value.length - 2 && value[value.length - 1] === "=")
  );
}

/**
 * validator.js `isURL` with default options: http/https/ftp, protocol optional, and the host must be an IP or a
 * name with a top-level domain, so "http://localhost/x.png" is not a URL for Evolution.
 */
export function isUrl(value: unknown): value is string {
  if (typeof value !== "string" || value.length === 0 || /\s/.test(value)) return false;
  const withProtocol = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`;
  let parsed: URL;
  try {
    parsed = new URL(withProtocol);
  } catch {
    return false;
  }
  if (!["http:", "https:", "ftp:"].includes(parsed.protocol)) return false;
  const host = parsed.hostname.replace(/^\[|\]$/g, "");
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(":")) return true;
  const labels = host.split(".");
  return labels.length >= 2 && /^([a-z\u00a1-\uffff]{2,}|xn[a-z0-9-]{2,})$/i.test(labels[labels.length - 1]!);
}
