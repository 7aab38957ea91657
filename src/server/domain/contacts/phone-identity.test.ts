import { describe, expect, it } from "vitest";
import { canonicalPhone, parsePhone, phoneFailureReasons, phoneVariants } from "./phone-identity";

describe("phone identity", () => {
  it.each([
    // Brazilian mobiles, however they are written.
    ["+55 (11) 98765-4321", "+5511987654321"],
    ["5511987654321", "+5511987654321"],
    ["11987654321", "+5511987654321"],
    ["(11) 98765-4321", "+5511987654321"],
    ["(011) 98765-4321", "+5511987654321"],
    ["0 15 11 98765-4321", "+5511987654321"],
    ["+55 11 9 8765-4321", "+5511987654321"],
    ["+55.11.98765.4321", "+5511987654321"],
    ["+55 11 98765–4321", "+5511987654321"],
    ["0055 11 98765-4321", "+5511987654321"],
    ["  +5511987654321  ", "+5511987654321"],
    // Without the 9th digit (WhatsApp's 12-digit legacy form, DDD >= 31, and any DDD typed that way).
    ["553199998888", "+5531999998888"],
    ["5531999998888", "+5531999998888"],
    ["+55 31 9999-8888", "+5531999998888"],
    ["(31) 9999-8888", "+5531999998888"],
    ["3199998888", "+5531999998888"],
    ["556181234567", "+5561981234567"],
    ["558576543210", "+5585976543210"],
    ["551188887777", "+5511988887777"],
    ["552166665555", "+5521966665555"],
    // Landlines keep 8 digits.
    ["+55 11 3333-4444", "+551133334444"],
    ["551133334444", "+551133334444"],
    ["(31) 2555-1234", "+553125551234"],
    ["1133334444", "+551133334444"],
    // Non-geographic Brazilian numbers.
    ["0800 123 4567", "+558001234567"],
    ["4004-1234", "+5540041234"],
    // Other countries.
    ["+1 (202) 555-0123", "+12025550123"],
    ["12025550123", "+12025550123"],
    ["+351 912 345 678", "+351912345678"],
    ["351912345678", "+351912345678"],
    ["+44 7911 123456", "+447911123456"],
    // Mexico: WhatsApp's 521 form and the dialled form are one identity.
    ["+52 1 55 1234 5678", "+525512345678"],
    ["5215512345678", "+525512345678"],
    ["+52 55 1234 5678", "+525512345678"],
    // Argentina: WhatsApp's 549 form and the dialled mobile forms.
    ["5491123456789", "+5491123456789"],
    ["+54 9 11 2345-6789", "+5491123456789"],
  ])("%s → %s", (input, e164) => {
    expect(parsePhone(input)).toEqual({ ok: true, e164, digits: e164.slice(1), country: expect.any(String) });
    expect(canonicalPhone(input)?.e164).toBe(e164);
  });

  it.each([
    ["5511987654321@s.whatsapp.net", "+5511987654321"],
    ["553199998888@s.whatsapp.net", "+5531999998888"],
    ["553199998888:12@s.whatsapp.net", "+5531999998888"],
    ["5511987654321@c.us", "+5511987654321"],
    ["5215512345678@s.whatsapp.net", "+525512345678"],
    ["5491123456789@s.whatsapp.net", "+5491123456789"],
    ["351912345678@s.whatsapp.net", "+351912345678"],
  ])("WhatsApp JID %s → %s", (jid, e164) => {
    expect(canonicalPhone(jid)?.e164).toBe(e164);
  });

  it("reads national numbers of another default country", () => {
    expect(canonicalPhone("011 15 2345-6789", "AR")?.e164).toBe("+5491123456789");
    expect(canonicalPhone("55 1234 5678", "MX")?.e164).toBe("+525512345678");
    expect(canonicalPhone("912 345 678", "PT")?.e164).toBe("+351912345678");
    expect(canonicalPhone("(202) 555-0123", "US")?.e164).toBe("+12025550123");
  });

  it("returns the country", () => {
    expect(parsePhone("11987654321")).toMatchObject({ ok: true, country: "BR" });
    expect(parsePhone("+351912345678")).toMatchObject({ ok: true, country: "PT" });
  });

  it.each([
    ["", "vazio"],
    ["   ", "vazio"],
    ["()-", "vazio"],
    ["abc", "caracteres"],
    ["5.51199E+12", "caracteres"],
    ["+55 11 98765-4321 ramal 2", "caracteres"],
    ["11 98765-4321 #", "caracteres"],
    ["120363025246125486@g.us", "nao_telefone"],
    ["123456789012345@lid", "nao_telefone"],
    ["ana@example.com", "nao_telefone"],
    ["98765-4321", "sem_ddd"],
    ["3333-4444", "sem_ddd"],
    ["+5511", "curto"],
    ["11 9876", "curto"],
    ["+5511987654321999", "longo"],
    ["5511987654321999", "longo"],
    ["1".repeat(80), "longo"],
    ["+999 1234 5678", "pais"],
    ["+55 20 98765-4321", "invalido"],
    ["(20) 98765-4321", "invalido"],
    ["(35) 1912-3456", "invalido"],
    ["(11) 88765-4321", "invalido"],
    ["+55 11 0333-4444", "invalido"],
  ])("rejects %j as %s", (input, reason) => {
    const parsed = parsePhone(input);
    expect(parsed).toEqual({ ok: false, reason });
    expect(canonicalPhone(input)).toBeNull();
  });

  it("gives every failure an error reason the UI words", () => {
    expect(Object.keys(phoneFailureReasons).sort()).toEqual(
      ["vazio", "caracteres", "nao_telefone", "sem_ddd", "curto", "longo", "pais", "invalido"].sort(),
    );
  });

  it.each([
    ["+5531999998888", ["5531999998888", "553199998888"]],
    ["+5511987654321", ["5511987654321", "551187654321"]],
    ["+551133334444", ["551133334444"]],
    ["+5511912345678", ["5511912345678"]],
    ["+525512345678", ["525512345678", "5215512345678"]],
    ["+5491123456789", ["5491123456789"]],
    ["+351912345678", ["351912345678"]],
  ])("variants of %s", (e164, variants) => {
    expect(phoneVariants(e164)).toEqual(variants);
    // Every variant, bare or as a JID, is the same identity.
    for (const variant of variants) {
      expect(canonicalPhone(variant)?.e164).toBe(e164);
      expect(canonicalPhone(`${variant}@s.whatsapp.net`)?.e164).toBe(e164);
    }
  });
});
