/** JID rules of Evolution's `src/utils/createJid.ts` and of the WhatsApp directory the simulator pretends to query. */

export const isGroupJid = (jid: string): boolean => jid.endsWith("@g.us");
export const isLidJid = (jid: string): boolean => jid.endsWith("@lid");
/** Baileys' `isPnUser`: a phone-number user JID. */
export const isPhoneJid = (jid: string): boolean => jid.endsWith("@s.whatsapp.net");

export const phoneJid = (digits: string): string => `${digits}@s.whatsapp.net`;
export const jidUser = (jid: string): string => jid.split("@")[0] ?? jid;

/** Mexico (52) and Argentina (54): a 13-digit number loses its 3rd digit (the mobile "1" / "9"). */
function formatMexicoOrArgentina(digits: string): string {
  const country = digits.slice(0, 2);
  if ((country === "52" || country === "54") && digits.length === 13) return country + digits.slice(3);
  return digits;
}

/** Brazil: 55 + DDD + 9 + 8 digits drops the 9 when DDD >= 31 and the first local digit is >= 7. */
function formatBrazil(digits: string): string {
  const match = /^(\d{2})(\d{2})\d(\d{8})$/.exec(digits);
  if (!match || match[1] !== "55") return digits;
  const [, country = "", ddd = "", local = ""] = match;
  if (Number(local[0]) < 7 || Number(ddd) < 31) return digits;
  return country + ddd + local;
}

export function createJid(input: string): string {
  let number = input.replace(/:\d+/, "");
  if (["@g.us", "@s.whatsapp.net", "@lid", "@broadcast"].some((suffix) => number.includes(suffix))) return number;

  number = (
    number.replace(/\s/g, "").replace(/\+/g, "").replace(/\(/g, "").replace(/\)/g, "").split(":")[0] ?? ""
  ).split("@")[0]!;
  if (number.includes("-") && number.length >= 24) return `${number.replace(/[^\d-]/g, "")}@g.us`;

  number = number.replace(/\D/g, "");
  if (number.length >= 18) return `${number}@g.us`;

  return phoneJid(formatBrazil(formatMexicoOrArgentina(number)));
}

/**
 * The JID WhatsApp's directory answers for a phone number. Brazilian mobiles registered before the 9th digit keep
 * the legacy 8-digit form outside São Paulo/Rio (DDD >= 31), which is exactly the rule `createJid` copies.
 */
export function registeredJid(jid: string): string {
  const digits = jidUser(jid);
  if (digits.startsWith("55") && digits.length === 12) {
    const ddd = Number(digits.slice(2, 4));
    const isMobile = Number(digits[4]) >= 7;
    if (isMobile && ddd < 31) return phoneJid(`${digits.slice(0, 4)}9${digits.slice(4)}`);
  }
  return phoneJid(formatBrazil(formatMexicoOrArgentina(digits)));
}

/**
 * The with/without-extra-digit pair `whatsappNumber` accepts as a match for a BR/MX/AR input (`:3432-3466`);
 * other countries match only themselves.
 */
export function numberVariants(number: string): string[] {
  const pair = (prefixLength: number, extraDigit: string): string[] => {
    const withDigit =
      number.slice(prefixLength, prefixLength + 1) === extraDigit && number.length === 13
        ? number
        : `${number.slice(0, prefixLength)}${extraDigit}${number.slice(prefixLength)}`;
    const withoutDigit = number.length === 12 ? number : number.slice(0, prefixLength) + number.slice(prefixLength + 1);
    return [phoneJid(withDigit), phoneJid(withoutDigit)];
  };
  if (number.startsWith("55")) return pair(4, "9");
  if (number.startsWith("52")) return pair(2, "1");
  if (number.startsWith("54")) return pair(2, "9");
  return [];
}
