import path from "node:path";
import { fillLegalTemplate, readTemplateFile } from "../legal/legal-template";

const templatesDir = path.join(process.cwd(), "src", "server", "domain", "consent", "templates");

/** The double opt-in question sent on WhatsApp, in the organization's language (content, not UI words). */
export function optInConfirmationText(organization: { name: string; locale: string }): string {
  const template = readTemplateFile(templatesDir, "opt-in-confirmation", organization.locale);
  return fillLegalTemplate(template, { organizationName: organization.name }).trim();
}

/** Replies that confirm a pending opt-in (compared like the opt-out words: whole message, no case or accents). */
export const OPT_IN_CONFIRMATION_WORDS = ["sim", "yes", "confirmo", "aceito", "sim quero", "quero"];
