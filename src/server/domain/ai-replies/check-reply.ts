import { findPhoneNumbersInText } from "libphonenumber-js";
import type { ReplyCheck } from "../../../shared/auto-reply";

/** A WhatsApp answer longer than this is not a chat message; people take over. */
export const MAX_REPLY_LENGTH = 700;

const LINK =
  /\b(?:https?:\/\/|www\.)[^\s<>"')]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|app|link|ly|br)(?:\/[^\s<>"')]*)?/gi;
// "R$ 49,90", "US$ 10", "49,90 reais", "€5": an amount of money, however written.
const PRICE = /(?:R\$|US\$|\$|€|£)\s*\d[\d.,]*|\d[\d.,]*\s*(?:reais|real|d[oó]lares|euros|brl|usd)\b/gi;

/**
 * Checks in code after generation: the model may have been told, but only what is verified here is sent.
 * Links, phone numbers and prices must come from the knowledge base; the reply must speak the customer's
 * language. Returns the first failed check, or null.
 */
export function checkReply(input: {
  reply: string;
  knowledge: string;
  replyLanguage: string;
  customerLanguage: string;
}): ReplyCheck | null {
  const { reply, knowledge } = input;
  if (reply.length > MAX_REPLY_LENGTH) return "too_long";
  const knownLinks = new Set(linksIn(knowledge));
  if (linksIn(reply).some((link) => !knownLinks.has(link))) return "unknown_link";
  const knownPhones = new Set(phonesIn(knowledge));
  if (phonesIn(reply).some((phone) => !knownPhones.has(phone))) return "unknown_phone";
  const knownPrices = new Set(pricesIn(knowledge));
  if (pricesIn(reply).some((price) => !knownPrices.has(price))) return "unknown_price";
  if (input.replyLanguage !== input.customerLanguage) return "language_mismatch";
  return null;
}

function linksIn(text: string): string[] {
  return [...text.matchAll(LINK)].map((m) =>
    m[0]
      .toLowerCase()
      .replace(/^https?:\/\//, "")
      .replace(/^www\./, "")
      .replace(/[/.,;:!?]+$/, ""),
  );
}

function phonesIn(text: string): string[] {
  return findPhoneNumbersInText(text, "BR").map((found) => found.number.number);
}

/** Amounts as cents, so "R$ 49,90" in the reply matches "49,90 reais" in the knowledge base. */
function pricesIn(text: string): number[] {
  return [...text.matchAll(PRICE)].map((m) => {
    const digits = m[0].replace(/[^\d.,]/g, "").replace(/[.,]+$/, "");
    // The last separator followed by exactly two digits is the decimal one (pt-BR "1.200,50", en "1,200.50").
    const decimal = /[.,](\d{2})$/.exec(digits);
    const whole = (decimal ? digits.slice(0, -3) : digits).replace(/[.,]/g, "");
    return Number(whole || "0") * 100 + Number(decimal?.[1] ?? "0");
  });
}
