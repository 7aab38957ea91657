import { readFileSync } from "node:fs";
import path from "node:path";
import type { LegalDocumentKindValue } from "../../../shared/schemas/legal";

const templatesDir = path.join(process.cwd(), "src", "server", "domain", "legal", "templates");
type TemplateName = LegalDocumentKindValue | "incident_notice_anpd" | "incident_notice_subjects";
const fileStem: Record<TemplateName, string> = {
  terms: "terms",
  privacy_policy: "privacy-policy",
  incident_notice_anpd: "incident-notice-anpd",
  incident_notice_subjects: "incident-notice-subjects",
};

/** A template file `<stem>.<pt-BR|en>.md` of `dir`, in the organization's language (pt-BR unless English). */
export function readTemplateFile(dir: string, stem: string, locale: string): string {
  const language = locale === "en" ? "en" : "pt-BR";
  return readFileSync(/*turbopackIgnore: true*/ path.join(dir, `${stem}.${language}.md`), "utf8");
}

/** A legal template's markdown, as written (content, not UI words: src/server/domain/legal/templates). */
export function readLegalTemplate(name: TemplateName, locale: string): string {
  return readTemplateFile(templatesDir, fileStem[name], locale);
}

/**
 * Fills `{{name}}` placeholders. An unknown placeholder stays as written, so a typo in an edited draft
 * shows on the page instead of vanishing.
 */
export function fillLegalTemplate(body: string, values: Record<string, string>): string {
  return body.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => values[name] ?? whole);
}
