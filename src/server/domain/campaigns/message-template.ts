/** Variables every template may use; custom fields add their own keys. */
export const BUILT_IN_VARIABLES = ["nome", "primeiro_nome", "telefone"] as const;

const VARIABLE = /\{\{\s*([a-z0-9_]+)\s*(?:\|\s*([^}]*?)\s*)?\}\}/gi;

export interface TemplateContact {
  name: string | null;
  phoneE164: string | null;
  customFields: Record<string, unknown>;
}

/** Variables a template uses that neither Mirage nor the organization's custom fields define. */
export function unknownVariables(template: string, customFieldKeys: string[]): string[] {
  const known = new Set<string>([...BUILT_IN_VARIABLES, ...customFieldKeys]);
  const unknown = new Set<string>();
  for (const match of template.matchAll(VARIABLE)) {
    const name = match[1]!.toLowerCase();
    if (!known.has(name)) unknown.add(name);
  }
  // A brace pair that is not a well-formed variable is a typo the sender would see verbatim.
  const stray = template.replace(VARIABLE, "").match(/\{\{[^}]*\}?\}?/g) ?? [];
  return [...unknown, ...stray];
}

function valueOf(name: string, contact: TemplateContact): string {
  switch (name) {
    case "nome":
      return contact.name?.trim() ?? "";
    case "primeiro_nome":
      return contact.name?.trim().split(/\s+/)[0] ?? "";
    case "telefone":
      return contact.phoneE164 ?? "";
    default: {
      const value = contact.customFields[name];
      return value === null || value === undefined ? "" : String(value);
    }
  }
}

/** The message for one contact: each variable replaced by the contact's value, or its fallback. */
export function renderTemplate(template: string, contact: TemplateContact): string {
  return template
    .replace(VARIABLE, (_match, name: string, fallback: string | undefined) => {
      const value = valueOf(name.toLowerCase(), contact);
      return value || (fallback ?? "");
    })
    .replace(/[ \t]+([,.!?])/g, "$1")
    .replace(/[ \t]{2,}/g, " ")
    .trim();
}
