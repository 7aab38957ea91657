import { describe, expect, it } from "vitest";
import { decodeText } from "./text-encoding";

const latin1 = (text: string) => Buffer.from(text, "latin1");

describe("decodeText", () => {
  it("reads UTF-8 with and without BOM", () => {
    expect(decodeText(Buffer.from("\uFEFFJoão;Açaí", "utf8"))).toEqual({ text: "João;Açaí", encoding: "utf-8" });
    expect(decodeText(Buffer.from("João;Açaí", "utf8"))).toEqual({ text: "João;Açaí", encoding: "utf-8" });
  });

  it("reads Excel's Windows-1252 / Latin-1 CSV with accents intact", () => {
    expect(decodeText(latin1("Conceição;São Paulo;ç"))).toEqual({
      text: "Conceição;São Paulo;ç",
      encoding: "windows-1252",
    });
    // Bytes 0x80-0x9f are Windows-1252 punctuation ("–", "“”"), not control characters.
    expect(decodeText(Buffer.from([0x93, 0x6f, 0x69, 0x94, 0x20, 0x96])).text).toBe("“oi” –");
  });

  it("reads UTF-16 with BOM (Excel's Unicode text)", () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Nome\tTelefone\nJosé\t11", "utf16le")]);
    expect(decodeText(utf16)).toEqual({ text: "Nome\tTelefone\nJosé\t11", encoding: "utf-16le" });
  });

  it("plain ASCII is UTF-8", () => {
    expect(decodeText(Buffer.from("name,phone")).encoding).toBe("utf-8");
  });
});
