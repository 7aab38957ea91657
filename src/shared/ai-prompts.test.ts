import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { bucketOf, checkPromptVariables, pickByShare, promptVariablesIn, renderPrompt } from "./ai-prompts";

describe("prompt variables", () => {
  it("finds, checks and fills {{variables}}", () => {
    expect(promptVariablesIn("a {{labels}} b {{ labels }} {{x}}")).toEqual(["labels", "x"]);
    expect(checkPromptVariables("classification", "Rótulos {{labels}} e {{x}}")).toEqual({
      unknown: ["x"],
      missing: [],
    });
    expect(checkPromptVariables("suggestion", "Sem base")).toEqual({ unknown: [], missing: ["knowledge"] });
    expect(renderPrompt("Rótulos: {{labels}}.", { labels: "a, b" })).toBe("Rótulos: a, b.");
  });
});

describe("A/B assignment", () => {
  it("is stable per conversation and splits many conversations by the shares", () => {
    const versions = [
      { number: 1, share: 50 },
      { number: 2, share: 50 },
    ];
    const ids = Array.from({ length: 10_000 }, () => randomUUID());
    const picks = ids.map((id) => pickByShare(versions, bucketOf(id, "classification"))!.number);
    expect(ids.map((id) => pickByShare(versions, bucketOf(id, "classification"))!.number)).toEqual(picks);
    const onTwo = picks.filter((n) => n === 2).length / ids.length;
    expect(onTwo).toBeGreaterThan(0.47);
    expect(onTwo).toBeLessThan(0.53);
    const skewed = ids.filter(
      (id) =>
        pickByShare(
          [
            { number: 1, share: 80 },
            { number: 2, share: 20 },
          ],
          bucketOf(id, "summary"),
        )!.number === 2,
    ).length;
    expect(skewed / ids.length).toBeGreaterThan(0.17);
    expect(skewed / ids.length).toBeLessThan(0.23);
  });
});
