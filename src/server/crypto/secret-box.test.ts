import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, secretMatchesHash, sha256Hex } from "./secret-box";

const key = randomBytes(32).toString("base64");

describe("secret box", () => {
  it("round-trips and never stores the plaintext", () => {
    const sealed = encryptSecret("6F1A9C0E-2B7D-4E55-9A31-0C8D7E6F5A4B", key);
    expect(sealed).not.toContain("6F1A9C0E");
    expect(sealed.startsWith("v1.")).toBe(true);
    expect(decryptSecret(sealed, key)).toBe("6F1A9C0E-2B7D-4E55-9A31-0C8D7E6F5A4B");
    expect(encryptSecret("same", key)).not.toBe(encryptSecret("same", key));
  });

  it("refuses a tampered value or the wrong key", () => {
    const sealed = encryptSecret("token", key);
    const tampered = sealed.slice(0, -2) + (sealed.endsWith("A") ? "BB" : "AA");
    expect(() => decryptSecret(tampered, key)).toThrow();
    expect(() => decryptSecret(sealed, randomBytes(32).toString("base64"))).toThrow();
  });

  it("matches secrets against their hash", () => {
    expect(secretMatchesHash("s3cr3t", sha256Hex("s3cr3t"))).toBe(true);
    expect(secretMatchesHash("s3cr3T", sha256Hex("s3cr3t"))).toBe(false);
  });
});
