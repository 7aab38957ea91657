import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

export interface SentenceHit {
  file: string;
  line: number;
  text: string;
}

// Portuguese words that only occur in sentences (not in identifiers, codes or SQL).
const PORTUGUESE =
  /(?:^|[\s(“"])(?:não|você|vocês|está|estão|para|com|uma|umas|pelo|pela|seu|sua|foi|já|ainda|tente|envie|escolha|informe|confira|este|esta|isso|aqui|de novo|nenhum|nenhuma)(?=[\s,.:;!?)”"]|$)/i;
const ACCENTED = /[À-ÖØ-öø-ÿ]/;
// An English sentence for people: capitalised, at least three words, ending like a sentence.
const ENGLISH_SENTENCE = /^[A-Z][a-z']+(?: [A-Za-z',;()-]+){2,}[.!?]$/;

/** Whether a string literal reads like a sentence written for a person (in pt-BR or English). */
export function isUiSentence(text: string): boolean {
  const trimmed = text.trim();
  if (!trimmed.includes(" ")) return false;
  return ACCENTED.test(trimmed) || PORTUGUESE.test(trimmed) || ENGLISH_SENTENCE.test(trimmed);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.(test|d)\.ts$/.test(entry.name) ? [full] : [];
  });
}

/** Every string and template literal in `roots` (tests and generated code left out) that reads like a sentence. */
export function uiSentences(roots: string[]): SentenceHit[] {
  const hits: SentenceHit[] = [];
  for (const file of roots.flatMap(sourceFiles)) {
    const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      let text: string | null = null;
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
      else if (ts.isTemplateExpression(node))
        text = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(" x ");
      // Log lines are for operators, in English, and never reach a person's screen.
      const inLogCall =
        node.parent !== undefined &&
        ts.isCallExpression(node.parent) &&
        ts.isPropertyAccessExpression(node.parent.expression) &&
        /^(logger|log|console)$/.test(node.parent.expression.expression.getText(source));
      if (text !== null && !inLogCall && isUiSentence(text)) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
        hits.push({ file: path.relative(process.cwd(), file), line: line + 1, text: text.slice(0, 80) });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return hits;
}
