import { describe, expect, it } from "vitest";
import { csvCell, csvLine } from "./csv-format";

describe("csvCell", () => {
  it("quotes what needs quoting", () => {
    expect(csvCell("Ana")).toBe("Ana");
    expect(csvCell("Silva; Ana")).toBe('"Silva; Ana"');
    expect(csvCell('Ana "Bia"')).toBe('"Ana ""Bia"""');
    expect(csvCell("linha 1\nlinha 2")).toBe('"linha 1\nlinha 2"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(10.5)).toBe('"10,5"');
  });

  it("defuses formulas in untrusted text but keeps trusted values as they are", () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("+5511987654321", { trusted: true })).toBe("+5511987654321");
  });

  it("joins with ; and CRLF", () => {
    expect(csvLine(["a", "b"])).toBe("a;b\r\n");
  });
});
