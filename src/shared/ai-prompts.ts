/** The AI features whose instructions an organization versions (IA → Prompts). */
export const promptFeatures = ["classification", "summary", "suggestion", "rewrite", "auto_reply"] as const;
export type PromptFeature = (typeof promptFeatures)[number];

/**
 * The {{variables}} each feature fills in, and those its prompt cannot do without (the answer's schema or
 * the knowledge base depend on them). Any other {{name}} is refused when a version is saved.
 */
export const promptVariables: Record<PromptFeature, { allowed: readonly string[]; required: readonly string[] }> = {
  classification: { allowed: ["labels", "no_label"], required: ["labels"] },
  summary: { allowed: ["locale"], required: [] },
  suggestion: { allowed: ["knowledge"], required: ["knowledge"] },
  rewrite: { allowed: ["instruction"], required: ["instruction"] },
  auto_reply: { allowed: ["knowledge", "blocked_topics"], required: ["knowledge"] },
};

const variablePattern = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The distinct {{names}} a prompt body uses, in order of appearance. */
export function promptVariablesIn(body: string): string[] {
  return [...new Set([...body.matchAll(variablePattern)].map((match) => match[1]!))];
}

/** What is wrong with a body's variables for its feature: names it may not use, names it must use. */
export function checkPromptVariables(feature: PromptFeature, body: string): { unknown: string[]; missing: string[] } {
  const used = promptVariablesIn(body);
  const { allowed, required } = promptVariables[feature];
  return {
    unknown: used.filter((name) => !allowed.includes(name)),
    missing: required.filter((name) => !used.includes(name)),
  };
}

/** The body with its variables filled in (checked on save, so every name has a value). */
export function renderPrompt(body: string, values: Readonly<Record<string, string>>): string {
  return body.replace(variablePattern, (whole, name: string) => values[name] ?? whole);
}

/**
 * Which of a feature's active versions answers a conversation: a stable hash of the conversation and the
 * feature picks a bucket 0–99, and the versions (by number) take consecutive ranges of their share.
 */
export function bucketOf(conversationKey: string, feature: string): number {
  // FNV-1a, 32-bit: stable across processes and runtimes, evenly spread for UUIDs.
  let hash = 0x811c9dc5;
  for (const char of `${feature}:${conversationKey}`) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % 100;
}

export function pickByShare<Version extends { number: number; share: number }>(
  versions: readonly Version[],
  bucket: number,
): Version | undefined {
  const active = versions.filter((v) => v.share > 0).sort((a, b) => a.number - b.number);
  let upTo = 0;
  for (const version of active) {
    upTo += version.share;
    if (bucket < upTo) return version;
  }
  return active.at(-1);
}
