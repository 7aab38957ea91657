import { describe, expect, it } from "vitest";
import { mediaKey, parseMediaKey, sha256Hex } from "./media-key";
import { isValidMediaKey } from "./media-store";

describe("media keys", () => {
  const bytes = Buffer.from("olá");

  it("is the organization and the SHA-256 of the bytes", () => {
    const key = mediaKey("org_123", bytes);
    expect(key).toBe(`org_123/${sha256Hex(bytes)}`);
    expect(sha256Hex(Buffer.from(""))).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(isValidMediaKey(key)).toBe(true);
    expect(parseMediaKey(key)).toEqual({ organizationId: "org_123", sha256: sha256Hex(bytes) });
  });

  it("is the same for the same bytes and differs across organizations and contents", () => {
    expect(mediaKey("a", Buffer.from("olá"))).toBe(mediaKey("a", bytes));
    expect(mediaKey("b", bytes)).not.toBe(mediaKey("a", bytes));
    expect(mediaKey("a", Buffer.from("ola"))).not.toBe(mediaKey("a", bytes));
  });

  it("refuses organization ids that would escape their folder", () => {
    for (const id of ["", "..", ".", "a/b", "../x", "/abs", "a b"]) {
      expect(() => mediaKey(id, bytes), id).toThrow(/cannot be part of a media key/);
    }
  });

  it("parses only keys it made", () => {
    expect(parseMediaKey("org/abc")).toBeNull();
    expect(parseMediaKey(`../${"a".repeat(64)}`)).toBeNull();
    expect(parseMediaKey(`org/${"A".repeat(64)}`)).toBeNull();
  });

  it.each([
    ["org/abc", true],
    ["org/sub/file.pdf", true],
    ["a=b-c_d.e", true],
    ["", false],
    ["/etc/passwd", false],
    ["../etc/passwd", false],
    ["org/../../etc/passwd", false],
    ["org/./x", false],
    ["org//x", false],
    ["org/x/", false],
    ["org\\..\\x", false],
    ["org/.hidden", false],
    ["org/x y", false],
    ["org/x%2F..", false],
    ["org/\u0000", false],
    [`org/${"a".repeat(600)}`, false],
  ])("key %j valid: %s", (key, valid) => {
    expect(isValidMediaKey(key)).toBe(valid);
  });
});
