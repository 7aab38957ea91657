import { phoneVariants } from "../contacts/phone-identity";

export interface PersonIdentity {
  phoneE164: string | null;
  lid: string | null;
  name: string | null;
  pushName: string | null;
}

const MIN_NAME_LENGTH = 3;

/**
 * The strings that identify a person in free text and raw payloads: every digit form of the phone
 * (as WhatsApp may report it), the LID and the names. Names shorter than 3 letters would match
 * unrelated text, so they are left out.
 */
export function personTraces(person: PersonIdentity): string[] {
  const traces = new Set<string>();
  if (person.phoneE164) for (const digits of phoneVariants(person.phoneE164)) traces.add(digits);
  if (person.lid) traces.add(person.lid.replace(/@.*$/, ""));
  for (const name of [person.name, person.pushName])
    if (name && name.trim().length >= MIN_NAME_LENGTH) traces.add(name.trim());
  return [...traces];
}

/** `text` with every trace replaced by `pseudonym`; traces JSON-escaped too, so JSON text stays valid. */
export function pseudonymise(text: string, traces: string[], pseudonym: string): string {
  let result = text;
  for (const trace of traces) {
    const escaped = JSON.stringify(trace).slice(1, -1);
    result = result.split(escaped).join(pseudonym);
    if (escaped !== trace) result = result.split(trace).join(pseudonym);
  }
  return result;
}
