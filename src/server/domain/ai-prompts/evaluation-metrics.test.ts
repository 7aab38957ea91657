import { describe, expect, it } from "vitest";
import { evaluationMetrics } from "./evaluation-metrics";

describe("evaluationMetrics", () => {
  it("computes accuracy, per-label precision/recall/F1 and their macro average, no label as a class", () => {
    const metrics = evaluationMetrics([
      { truth: "complaint", predicted: "complaint" },
      { truth: "complaint", predicted: "question" },
      { truth: "question", predicted: "question" },
      { truth: null, predicted: "question" },
    ]);
    expect(metrics.accuracy).toBe(0.5);
    expect(metrics.perLabel.complaint).toEqual({
      support: 2,
      predicted: 1,
      correct: 1,
      precision: 1,
      recall: 0.5,
      f1: 2 / 3,
    });
    expect(metrics.perLabel.question).toMatchObject({ support: 1, predicted: 3, correct: 1, recall: 1 });
    expect(metrics.perLabel.question!.f1).toBeCloseTo(0.5);
    expect(metrics.perLabel.none).toMatchObject({ support: 1, predicted: 0, f1: 0 });
    expect(metrics.macroF1).toBeCloseTo((2 / 3 + 0.5 + 0) / 3);
  });

  it("has no figures for an empty set", () => {
    expect(evaluationMetrics([])).toEqual({ accuracy: null, macroF1: null, perLabel: {} });
  });
});
