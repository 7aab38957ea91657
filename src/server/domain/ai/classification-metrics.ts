/** Accuracy and macro-F1 of predictions against gold labels (one class per item; null is a class too). */
export interface ClassificationScore {
  accuracy: number;
  /** The unweighted mean of each gold class's F1: a rare class counts as much as a common one. */
  macroF1: number;
  /** F1 per gold class. */
  perClass: Record<string, number>;
}

export function scoreClassification<T extends string | null>(
  pairs: readonly { gold: T; predicted: T }[],
): ClassificationScore {
  const key = (value: T) => value ?? "none";
  const classes = [...new Set(pairs.map((pair) => key(pair.gold)))];
  const perClass: Record<string, number> = {};
  for (const name of classes) {
    const truePositives = pairs.filter((p) => key(p.gold) === name && key(p.predicted) === name).length;
    const predicted = pairs.filter((p) => key(p.predicted) === name).length;
    const actual = pairs.filter((p) => key(p.gold) === name).length;
    const precision = predicted ? truePositives / predicted : 0;
    const recall = actual ? truePositives / actual : 0;
    perClass[name] = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  }
  const correct = pairs.filter((pair) => key(pair.gold) === key(pair.predicted)).length;
  return {
    accuracy: pairs.length ? correct / pairs.length : 0,
    macroF1: classes.length ? classes.reduce((sum, name) => sum + perClass[name]!, 0) / classes.length : 0,
    perClass,
  };
}
