import { describe, expect, it } from "vitest";
import { displayTitle, formatPhone } from "./format-phone";

describe("phone numbers as people read them", () => {
  it("keeps Brazilian numbers in the product's grouping", () => {
    expect(formatPhone("+5511987654321")).toBe("+55 11 98765-4321");
    expect(formatPhone("+551133334444")).toBe("+55 11 3333-4444");
  });

  it("formats foreign numbers in their own international format", () => {
    expect(formatPhone("+201012345678")).toBe("+20 10 12345678");
    expect(formatPhone("+14155550123")).toBe("+1 415 555 0123");
    expect(formatPhone("+351912345678")).toBe("+351 912 345 678");
  });

  it("reads WhatsApp's bare digits and a contact card's national writing", () => {
    expect(formatPhone("5511933334444")).toBe("+55 11 93333-4444");
    expect(formatPhone("201012345678")).toBe("+20 10 12345678");
    expect(formatPhone("(11) 98765-4321")).toBe("+55 11 98765-4321");
    expect(formatPhone("+55 11 98765-4321")).toBe("+55 11 98765-4321");
  });

  it("shows what it cannot read as given, and nothing for nothing", () => {
    expect(formatPhone("ramal 12")).toBe("ramal 12");
    expect(formatPhone(null)).toBe("");
    expect(formatPhone("")).toBe("");
  });

  it("formats a title that is only the number, and leaves names alone", () => {
    expect(displayTitle("+201012345678", "+201012345678")).toBe("+20 10 12345678");
    expect(displayTitle("Carla", "+5511987654321")).toBe("Carla");
    expect(displayTitle("Grupo da loja", null)).toBe("Grupo da loja");
  });
});

describe("numbers as the instances table has them", () => {
  it("reads the paired number's bare digits, even where the numbering plan is unusual", () => {
    expect(formatPhone("5511900002222")).toBe("+55 11 90000-2222");
    expect(formatPhone("14155550123")).toBe("+1 415 555 0123");
  });
});
