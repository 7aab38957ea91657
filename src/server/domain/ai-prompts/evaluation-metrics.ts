/** The class of a message no label fits. */
export const NO_LABEL_CLASS = "none";

export interface LabelScore {
  support: number;
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface EvaluationMetrics {
  accuracy: number | null;
  /** The unweighted mean of the F1 of every class that is in the truth or was predicted. */
  macroF1: number | null;
  perLabel: Record<string, LabelScore>;
}

/** Accuracy, macro-F1 and per-label precision/recall/F1 of predictions against the truth (null = no label). */
export function evaluationMetrics(
  pairs: readonly { truth: string | null; predicted: string | null }[],
): EvaluationMetrics {
  const perLabel: Record<string, LabelScore> = {};
  const score = (label: string) =>
    (perLabel[label] ??= { support: 0, predicted: 0, correct: 0, precision: 0, recall: 0, f1: 0 });
  let correct = 0;
  for (const pair of pairs) {
    const truth = pair.truth ?? NO_LABEL_CLASS;
    const predicted = pair.predicted ?? NO_LABEL_CLASS;
    score(truth).support += 1;
    score(predicted).predicted += 1;
    if (truth === predicted) {
      score(truth).correct += 1;
      correct += 1;
    }
  }
  const scores = Object.values(perLabel);
  for (const entry of scores) {
    entry.precision = entry.predicted ? entry.correct / entry.predicted : 0;
    entry.recall = entry.support ? entry.correct / entry.support : 0;
    entry.f1 =
      entry.precision + entry.recall ? (2 * entry.precision * entry.recall) / (entry.precision + entry.recall) : 0;
  }
  return {
    accuracy: pairs.length ? correct / pairs.length : null,
    macroF1: scores.length ? scores.reduce((sum, entry) => sum + entry.f1, 0) / scores.length : null,
    perLabel,
  };
}
