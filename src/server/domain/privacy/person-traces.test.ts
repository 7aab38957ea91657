import { describe, expect, it } from "vitest";
import { personTraces, pseudonymise } from "./person-traces";

describe("personTraces / pseudonymise", () => {
  it("finds every digit form of the phone, the LID and the names, and replaces them inside JSON", () => {
    const traces = personTraces({
      phoneE164: "+5531999998888",
      lid: "12345@lid",
      name: 'Zé "Quote" Silva',
      pushName: "Z",
    });
    expect(traces).toEqual(["5531999998888", "553199998888", "12345", 'Zé "Quote" Silva']);
    const json = JSON.stringify({ phone: "+5531999998888", legacy: "553199998888", name: 'Zé "Quote" Silva' });
    const out = pseudonymise(json, traces, "erased:abc");
    expect(JSON.parse(out)).toEqual({ phone: "+erased:abc", legacy: "erased:abc", name: "erased:abc" });
  });
});
