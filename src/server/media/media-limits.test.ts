import { describe, expect, it } from "vitest";
import { checkMedia, mediaKind, normaliseMimeType } from "./media-limits";

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
    expect(!check.ok && check.error).toEqual({ reason: "mediaTypeNotAllowed", params: { mimeType: mimeType || "?" } });
  });

  it("refuses what is too large, giving both sizes in bytes for the UI to format", () => {
    expect(checkMedia({ mimeType: "video/mp4", size: maxBytes }, { maxBytes }).ok).toBe(true);
    expect(checkMedia({ mimeType: "video/mp4", size: maxBytes + 1 }, { maxBytes })).toEqual({
      ok: false,
      reason: "tamanho",
      error: { reason: "mediaTooLarge", params: { sizeBytes: maxBytes + 1, limitBytes: maxBytes } },
    });
  });

  it("refuses empty files", () => {
    expect(checkMedia({ mimeType: "image/png", size: 0 }, { maxBytes })).toEqual({
      ok: false,
      reason: "vazio",
      error: { reason: "fileEmpty" },
    });
  });
});
