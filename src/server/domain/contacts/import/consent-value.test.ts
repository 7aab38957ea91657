import { describe, expect, it } from "vitest";
import { parseConsentCell } from "./consent-value";

describe("parseConsentCell", () => {
  it.each(["sim", "SIM", " Sim ", "s", "yes", "Y", "true", "TRUE", "1", "x", "X", "opt-in", "Opt In", "aceito", "✓"])(
    "%j is an opt-in",
    (value) => expect(parseConsentCell(value)).toEqual({ kind: "status", status: "opted_in" }),
  );

  it.each(["não", "NÃO", "nao", "Não.", "n", "no", "false", "0", "opt-out", "recusou", "não autorizo"])(
    "%j is an explicit opt-out",
    (value) => expect(parseConsentCell(value)).toEqual({ kind: "status", status: "opted_out" }),
  );

  it.each(["", "  ", "-", "—"])("%j leaves consent as it is", (value) =>
    expect(parseConsentCell(value)).toEqual({ kind: "empty" }),
  );

  it.each(["talvez", "sim?não", "2", "depende"])("%j is not guessed", (value) =>
    expect(parseConsentCell(value)).toEqual({ kind: "unrecognised" }),
  );
});
