import { parsePhoneNumberFromString, type PhoneNumber } from "libphonenumber-js";

/**
 * One way to show a phone number anywhere in the UI. Input may be E.164 (`+5511987654321`), bare
 * international digits as WhatsApp gives them (`5511933334444`), or what a person typed in a contact
 * card (`(11) 98765-4321`, read as Brazilian). Brazilian numbers keep the product's grouping
 * (`+55 11 98765-4321`); foreign ones get their own country's international format
 * (`+20 10 12345678`). What libphonenumber cannot read is shown as given.
 */
export function formatPhone(phone: string | null | undefined): string {
  const raw = phone?.trim();
  if (!raw) return "";
  const parsed = readPhone(raw);
  if (!parsed) return raw;
  // Brazil's national grouping after the country code, as the product has always shown it.
  if (parsed.country === "BR") return `+55 ${parsed.formatNational().replace(/[()]/g, "")}`;
  return parsed.formatInternational();
}

function readPhone(raw: string): PhoneNumber | undefined {
  const digits = raw.replace(/\D/g, "");
  if (raw.startsWith("+") || raw.startsWith("00")) {
    const parsed = parsePhoneNumberFromString(`+${digits.replace(/^00/, "")}`);
    return parsed?.isPossible() ? parsed : undefined;
  }
  // Bare digits: WhatsApp writes them with the country code, people in a vCard often without; a
  // valid reading wins over a merely possible one, international before national.
  const international = digits.length >= 10 ? parsePhoneNumberFromString(`+${digits}`) : undefined;
  const national = parsePhoneNumberFromString(raw, "BR");
  return [international, national].find((p) => p?.isValid()) ?? [international, national].find((p) => p?.isPossible());
}

/**
 * The title to show for a conversation or contact: its name, its number formatted when it has none, or
 * `fallback` (worded by the caller) when it has neither.
 */
export function displayTitle(title: string | null, phone: string | null | undefined, fallback = ""): string {
  if (!title) return phone ? formatPhone(phone) : fallback;
  return phone && title.replace(/[^\d+]/g, "") === phone.replace(/[^\d+]/g, "") ? formatPhone(phone) : title;
}
