import { describe, expect, it } from "vitest";
import { checkMedia, formatBytes, mediaKind, normaliseMimeType } from "./media-limits";

const MIB = 1024 * 1024;
const maxBytes = 16 * MIB;

describe("media limits", () => {
  it.each([
    ["image/jpeg", "image"],
    ["image/webp", "image"],
    ["audio/ogg; codecs=opus", "audio"],
    ["Audio/MPEG", "audio"],
    ["video/mp4", "video"],
    ["application/pdf", "document"],
    ["application/vnd.openxmlformats-officedocument.wordprocessingml.document", "document"],
    ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "document"],
    ["application/vnd.ms-excel", "document"],
    ["text/plain; charset=utf-8", "document"],
    ["text/csv", "document"],
    ["application/xml", "document"],
    ["application/zip", "document"],
  ])("accepts %s as %s", (mimeType, kind) => {
    expect(mediaKind(mimeType)).toBe(kind);
    expect(checkMedia({ mimeType, size: 1000 }, { maxBytes })).toEqual({
      ok: true,
      kind,
      mimeType: normaliseMimeType(mimeType),
    });
  });

  it.each([
    "image/svg+xml",
    "text/html",
    "application/x-msdownload",
    "application/x-sh",
    "application/javascript",
    "application/octet-stream",
    "",
  ])("refuses %j", (mimeType) => {
    expect(mediaKind(mimeType)).toBeNull();
    const check = checkMedia({ mimeType, size: 1000 }, { maxBytes });
    expect(check).toMatchObject({ ok: false, reason: "tipo" });
    expect(!check.ok && check.message).toMatch(/^Tipo de arquivo não permitido \(/);
  });

  it("refuses what is too large, saying both sizes", () => {
    expect(checkMedia({ mimeType: "video/mp4", size: maxBytes }, { maxBytes }).ok).toBe(true);
    expect(checkMedia({ mimeType: "video/mp4", size: maxBytes + 1 }, { maxBytes })).toEqual({
      ok: false,
      reason: "tamanho",
      message: "O arquivo tem 16,1 MB; o limite é 16 MB.",
    });
    expect(checkMedia({ mimeType: "application/pdf", size: 20.5 * MIB }, { maxBytes })).toMatchObject({
      message: "O arquivo tem 20,5 MB; o limite é 16 MB.",
    });
  });

  it("refuses empty files", () => {
    expect(checkMedia({ mimeType: "image/png", size: 0 }, { maxBytes })).toEqual({
      ok: false,
      reason: "vazio",
      reason: "fileEmpty",
    });
  });

  it("formats sizes in pt-BR", () => {
    expect(formatBytes(500)).toBe("500 bytes");
    expect(formatBytes(2048)).toBe("2 KB");
    expect(formatBytes(1536)).toBe("1,5 KB");
    expect(formatBytes(16 * MIB)).toBe("16 MB");
    expect(formatBytes(100 * MIB)).toBe("100 MB");
  });
});
