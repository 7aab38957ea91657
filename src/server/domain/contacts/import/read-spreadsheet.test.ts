import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { AppError } from "../../../errors";
import { readSpreadsheet } from "./read-spreadsheet";

/** The refusal's reason code, with its params when it has any. */
async function refusal(bytes: Uint8Array): Promise<string | { reason: string; params: unknown }> {
  const error = await readSpreadsheet(bytes).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  const { reason, params } = error as AppError;
  return params ? { reason, params } : reason;
}

describe("readSpreadsheet", () => {
  it("reads a Latin-1 file with ; and accents", async () => {
    const table = await readSpreadsheet(
      Buffer.from(
        "Nome;Telefone;Cidade\r\nJoão Conceição;(11) 98765-4321;São Paulo\r\n\r\nAçaí;11987654322;Belém\r\n",
        "latin1",
      ),
    );
    expect(table).toMatchObject({
      format: "csv",
      encoding: "windows-1252",
      delimiter: ";",
      hasHeader: true,
      columns: ["Nome", "Telefone", "Cidade"],
      rows: [
        { rowNumber: 2, cells: ["João Conceição", "(11) 98765-4321", "São Paulo"] },
        // Row numbers are the spreadsheet's: the blank line 3 still counts.
        { rowNumber: 4, cells: ["Açaí", "11987654322", "Belém"] },
      ],
    });
  });

  it("names blank and repeated headers and pads short rows", async () => {
    const table = await readSpreadsheet(Buffer.from("Telefone,,Telefone\n11987654321\n"));
    expect(table.columns).toEqual(["Telefone", "Coluna 2", "Telefone (2)"]);
    expect(table.rows[0]!.cells).toEqual(["11987654321", "", ""]);
  });

  it("a bare list of numbers has no header", async () => {
    const table = await readSpreadsheet(Buffer.from("11987654321\n11987654322\n"));
    expect(table.hasHeader).toBe(false);
    expect(table.columns).toEqual(["Coluna 1"]);
    expect(table.rows).toHaveLength(2);
  });

  it("reads the first sheet of an XLSX: numbers, dates, formulas, rich text", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Clientes");
    sheet.addRow(["Nome", "Celular", "Nascimento", "Saldo", "Consentimento"]);
    sheet.addRow(["Zé", 5511987654321, new Date(Date.UTC(1990, 2, 5)), 10.5, true]);
    sheet.addRow([
      { richText: [{ text: "Ma" }, { text: "ria" }] },
      { formula: "5511987654322", result: 5511987654322 },
      null,
      3,
      "não",
    ]);
    workbook.addWorksheet("Outra").addRow(["ignorada"]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const table = await readSpreadsheet(bytes);
    expect(table.format).toBe("xlsx");
    expect(table.columns).toEqual(["Nome", "Celular", "Nascimento", "Saldo", "Consentimento"]);
    expect(table.rows).toEqual([
      { rowNumber: 2, cells: ["Zé", "5511987654321", "1990-03-05", "10,5", "true"] },
      { rowNumber: 3, cells: ["Maria", "5511987654322", "", "3", "não"] },
    ]);
  });

  it("refuses empty, header-only, binary and .xls files with a clear message", async () => {
    expect(await refusal(Buffer.alloc(0))).toBe("fileEmpty");
    expect(await refusal(Buffer.from("\n\n  \n"))).toBe("fileEmpty");
    expect(await refusal(Buffer.from("\uFEFF\n"))).toBe("fileEmpty");
    expect(await refusal(Buffer.from("Nome;Telefone\r\n"))).toBe("spreadsheetHeaderOnly");
    const png = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
    expect(await refusal(png)).toBe("notASpreadsheet");
    expect(await refusal(Buffer.from("d0cf11e0a1b11ae1000000", "hex"))).toBe("xlsUnsupported");
    expect(await refusal(Buffer.from("PK\u0003\u0004garbage"))).toBe("xlsxUnreadable");
  });

  it("refuses unclosed quotes with the line", async () => {
    expect(await refusal(Buffer.from('Nome,Telefone\n"Ana,11987654321\nBia,11987654322\n'))).toEqual({
      reason: "csvUnclosedQuote",
      params: { row: 2 },
    });
  });

  it("refuses more than 200.000 rows and more than 20 MB", async () => {
    const rows = ["telefone", ...Array.from({ length: 200_001 }, (_, i) => String(11_900_000_000 + i))].join("\n");
    expect(await refusal(Buffer.from(rows))).toEqual({
      reason: "spreadsheetTooManyRows",
      params: { rows: 200_001, limit: 200_000 },
    });
    expect(await refusal(Buffer.alloc(21 * 1024 * 1024, 0x41))).toEqual({
      reason: "importFileTooLargeSize",
      params: { size: 21, limit: 20 },
    });
  });
});
