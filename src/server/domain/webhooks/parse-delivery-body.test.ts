import { describe, expect, it } from "vitest";
import { parseDeliveryBody } from "./parse-delivery-body";

describe("parseDeliveryBody", () => {
  it("drops U+0000 and replaces lone surrogates in strings and keys, keeping everything else", () => {
    const raw = Buffer.from('{"text":"a\\u0000b","lone":"x\\ud800y","k\\u0000ey":[1,"\\udc00",{"ok":"olá 🌙"}]}');
    expect(parseDeliveryBody(raw)).toEqual({ text: "ab", lone: "x\ufffdy", key: [1, "\ufffd", { ok: "olá 🌙" }] });
  });

  it("keeps well-formed pairs of surrogates (emoji)", () => {
    expect(parseDeliveryBody('"\\ud83c\\udf19"')).toBe("🌙");
  });

  it("throws on a body that is not JSON", () => {
    expect(() => parseDeliveryBody("{nope")).toThrow(SyntaxError);
  });
});
