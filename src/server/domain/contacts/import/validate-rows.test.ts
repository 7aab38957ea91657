import { describe, expect, it } from "vitest";
import { splitTags, validateImportRows } from "./validate-rows";

const rows = (...cells: string[][]) => cells.map((c, i) => ({ rowNumber: i + 2, cells: c }));
const fields = [
  { key: "nascimento", label: "Nascimento", type: "date" as const },
  { key: "saldo", label: "Saldo", type: "number" as const },
];

describe("validateImportRows", () => {
  it("keeps valid rows with canonical phones and rejects the rest with the reason", () => {
    const result = validateImportRows(
      rows(
        ["Ana", "(11) 98765-4321", "VIP, Loja", "sim", "05/03/1990", "1.234,50"],
        ["Bia", "9876-5432", "", "", "", ""],
        ["Caio", "abc", "", "", "", ""],
        ["Ana de novo", "+55 11 98765-4321", "", "não", "", ""],
        ["Duda", "31 9999-8888", "", "talvez", "31/02/2020", "dez"],
      ),
      { phone: 1, name: 0, tags: 2, consent: 3, fields: { nascimento: 4, saldo: 5 } },
      fields,
    );
    expect(result.valid).toEqual([
      {
        rowNumber: 2,
        phoneE164: "+5511987654321",
        name: "Ana",
        tags: ["VIP", "Loja"],
        consent: "opted_in",
        fields: { nascimento: "1990-03-05", saldo: 1234.5 },
      },
    ]);
    expect(result.rejected.map((r) => [r.rowNumber, r.issues])).toEqual([
      [3, [{ reason: "phoneMissingAreaCode", params: {} }]],
      [4, [{ reason: "phoneHasLetters", params: {} }]],
      [5, [{ reason: "importPhoneRepeated", params: { row: 2 } }]],
      [
        6,
        [
          { reason: "importConsentUnrecognised", params: { value: "talvez" } },
          { reason: "customFieldInvalidDate", params: { value: "31/02/2020", field: "Nascimento" } },
          { reason: "customFieldNotANumber", params: { value: "dez", field: "Saldo" } },
        ],
      ],
    ]);
    expect(result.duplicates).toBe(1);
    expect(result.rejected[2]!.duplicateOf).toBe(2);
    expect(result.consentValues).toEqual([
      { value: "", status: null, recognised: true, rows: 2 },
      { value: "sim", status: "opted_in", recognised: true, rows: 1 },
      { value: "não", status: "opted_out", recognised: true, rows: 1 },
      { value: "talvez", status: null, recognised: false, rows: 1 },
    ]);
  });

  it("the same number with and without the 9th digit is a duplicate", () => {
    const result = validateImportRows(rows(["5531999998888"], ["553199998888"]), { phone: 0, fields: {} }, []);
    expect(result.valid).toHaveLength(1);
    expect(result.rejected[0]!.duplicateOf).toBe(2);
  });
});

describe("splitTags", () => {
  it("splits on , ; | and dedupes case-insensitively", () => {
    expect(splitTags(" VIP, clientes; vip | Black  Friday ,")).toEqual(["VIP", "clientes", "Black Friday"]);
    expect(splitTags("")).toEqual([]);
  });
});
