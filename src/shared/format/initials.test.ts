import { describe, expect, it } from "vitest";
import { initialsOf } from "./initials";

const isWellFormed = (text: string) =>
  !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);

describe("avatar initials", () => {
  it("takes the first letters of the first and last words", () => {
    expect(initialsOf("Maria da Silva")).toBe("MS");
    expect(initialsOf("joão")).toBe("JO");
    expect(initialsOf("Ângela Araújo")).toBe("ÂA");
  });

  it("keeps whole grapheme clusters of emoji and right-to-left names", () => {
    expect(initialsOf("ليلى 🌙")).toBe("ل🌙");
    expect(initialsOf("🌙")).toBe("🌙");
    expect(initialsOf("Família 👨‍👩‍👧")).toBe("F👨‍👩‍👧");
    expect(initialsOf("Bandeira 🇧🇷")).toBe("B🇧🇷");
    for (const name of ["ليلى 🌙", "🌙", "😀😃", "👍🏽 Ok", "Zoë", "José"])
      expect(isWellFormed(initialsOf(name))).toBe(true);
  });

  it("gives the last two digits of a phone-number title, and ? for nothing", () => {
    expect(initialsOf("+55 11 98765-4321")).toBe("21");
    expect(initialsOf("+201012345678")).toBe("78");
    expect(initialsOf("  ")).toBe("?");
  });
});
