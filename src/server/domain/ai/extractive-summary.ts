/**
 * A summary made on this machine when no provider may be used: the conversation's most telling sentences
 * (by the frequency of their content words across the conversation, the classic Luhn score), in their
 * original order. Hand-written: the npm summarisers are English-only, unmaintained, or pull in a model.
 */
export function extractiveSummary(texts: readonly string[], maxSentences = 3): string {
  const sentences = texts
    .flatMap((text) => text.split(/(?<=[.!?])\s+|\n+/))
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length >= 12);
  if (!sentences.length) return texts.join("\n").trim().slice(0, 600);
  const wordsOf = (sentence: string) =>
    sentence
      .toLocaleLowerCase("pt-BR")
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .split(/[^\p{L}\p{N}]+/u)
      // Short words are mostly articles, prepositions and pronouns in Portuguese and English.
      .filter((word) => word.length > 3);
  const frequency = new Map<string, number>();
  for (const sentence of sentences)
    for (const word of new Set(wordsOf(sentence))) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  const scored = sentences.map((sentence, index) => {
    const words = wordsOf(sentence);
    const score = words.reduce((sum, word) => sum + (frequency.get(word) ?? 0), 0) / Math.sqrt(words.length || 1);
    return { sentence, index, score };
  });
  return scored
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, maxSentences)
    .sort((a, b) => a.index - b.index)
    .map(({ sentence }) => sentence.slice(0, 300))
    .join("\n");
}
