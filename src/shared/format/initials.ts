/**
 * Avatar initials built from grapheme clusters (`Intl.Segmenter`), so an emoji, a flag or a letter
 * with combining marks is never cut in half: `Maria da Silva` → `MS`, `ليلى 🌙` → `ل🌙`, `🌙` → `🌙`.
 * A title made of digits only (a phone number) gives its last two digits.
 */
const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

function firstGrapheme(word: string): string {
  for (const { segment } of graphemes.segment(word)) return segment;
  return "";
}

export function initialsOf(title: string): string {
  // Punctuation and symbols that are not pictographs separate words; emoji stay as words of their own.
  const words = title
    .replace(/[^\p{L}\p{M}\p{N}\p{Extended_Pictographic}\p{Emoji_Component}\u200d\s]/gu, " ")
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return "?";
  const joined = words.join("");
  if (/^\d+$/.test(joined)) return joined.slice(-2);
  const first = words[0]!;
  if (words.length === 1) {
    const [a = "", b = ""] = Array.from(graphemes.segment(first), (s) => s.segment);
    return (a + b).toLocaleUpperCase();
  }
  return (firstGrapheme(first) + firstGrapheme(words[words.length - 1]!)).toLocaleUpperCase();
}
