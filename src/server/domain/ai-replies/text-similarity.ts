import { CosineSimilarity, leven } from "@nlpjs/similarity";
import { StemmerPt } from "@nlpjs/lang-pt";

const stemmer = new StemmerPt();
const cosine = new CosineSimilarity();

/** Stems without stop words, so "qual o horário" and "horários de atendimento" share "horari". */
export function stemsOf(text: string): string[] {
  return stemmer.tokenizeAndStem(text, false).filter((token) => token.length > 1);
}

/** Cosine similarity of two texts' stems (0 when either has none): how much they talk about the same thing. */
export function topicSimilarity(left: string, right: string): number {
  const a = stemsOf(left);
  const b = stemsOf(right);
  if (!a.length || !b.length) return 0;
  return cosine.similarity(a, b);
}

/** 1 for the same text (ignoring case, accents and spacing), falling towards 0 as edits pile up. */
export function editSimilarity(left: string, right: string): number {
  const a = normalized(left);
  const b = normalized(right);
  if (a === b) return 1;
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - leven(a, b) / longest;
}

function normalized(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}
