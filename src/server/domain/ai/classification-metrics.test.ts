import { describe, expect, it } from "vitest";
import { scoreClassification } from "./classification-metrics";
import { estimateCallCost, costOfTranscription } from "./model-prices";

describe("classification scores", () => {
  it("accuracy and macro-F1 weigh a rare class like a common one", () => {
    // 8 "a" all right; 2 "b" predicted "a": accuracy 80%, but b's F1 is 0 and a's 8/9.
    const pairs = [
      ...Array.from({ length: 8 }, () => ({ gold: "a", predicted: "a" })),
      { gold: "b", predicted: "a" },
      { gold: "b", predicted: "a" },
    ];
    const score = scoreClassification(pairs);
    expect(score.accuracy).toBeCloseTo(0.8);
    expect(score.perClass).toEqual({ a: expect.closeTo((2 * 0.8 * 1) / 1.8, 6), b: 0 });
    expect(score.macroF1).toBeCloseTo((2 * 0.8) / 1.8 / 2);
  });

  it("null (no label) is a class of its own", () => {
    const score = scoreClassification<string | null>([
      { gold: null, predicted: null },
      { gold: "x", predicted: null },
    ]);
    expect(score.accuracy).toBe(0.5);
    expect(Object.keys(score.perClass).sort()).toEqual(["none", "x"]);
  });
});

describe("AI prices", () => {
  it("a call's reservation is above what its answer usually costs", () => {
    const price = { input: 100, output: 400 };
    // 3,000 characters ≈ 750–1,000 tokens in; reserved: 1,016 in + 1,024 out.
    expect(estimateCallCost(price, 3000)).toBeCloseTo((1016 * 100 + 1024 * 400) / 1e6);
  });

  it("transcription is priced by the minute, or by tokens when the provider reports them", () => {
    expect(costOfTranscription({ input: 0, output: 0, perMinute: 0.6 }, { seconds: 12.5 })).toBe(0.125);
    expect(
      costOfTranscription({ input: 10, output: 40, perMinute: 0.6 }, { seconds: 60, tokensIn: 600, tokensOut: 100 }),
    ).toBe((600 * 10 + 100 * 40) / 1e6);
    expect(costOfTranscription(undefined, { seconds: 60 })).toBe(0);
  });
});
