import { parsePhoneNumberFromString, validatePhoneNumberLength } from "libphonenumber-js/max";
import type { CountryCode, PhoneNumber } from "libphonenumber-js/max";
import type { ErrorReason } from "../../../shared/error-reasons";
import { phoneOfCopiedChatId } from "../../whatsapp";

/**
 * The canonical identity of a phone number: one E.164 string per person, however the number was
 * typed, imported or reported by WhatsApp.
 *
 * - Brazilian mobiles are always the 13-digit form with the 9th digit. WhatsApp (and so Evolution)
 *   still reports accounts created before the 9th digit as 12 digits (55 + DDD + 8 digits starting
 *   6-9); `553199998888` and `5531999998888` are both `+5531999998888`. Landlines (8 digits
 *   starting 2-5) keep 8 digits.
 * - Mexico: WhatsApp reports mobiles as `521` + 10 digits; the "1" was abolished in 2019 and is
 *   dropped, so `+5215512345678` and `+525512345678` are one identity.
 * - Argentina: the WhatsApp form `549` + area + number and the dialled forms `+54 9 …` and
 *   `0 11 15 …` (default country AR) are one identity. `+54 11 2345-6789` without the 9 is a
 *   landline number to the numbering plan and stays a separate identity: the plan cannot tell.
 * - Other countries: E.164 as libphonenumber ("max" metadata) gives it.
 */

export type PhoneFailure =
  "vazio" | "caracteres" | "nao_telefone" | "sem_ddd" | "curto" | "longo" | "pais" | "invalido";

/** The failures as error reasons (the UI words them: forms, import rows). */
export const phoneFailureReasons = {
  vazio: "phoneEmpty",
  caracteres: "phoneHasLetters",
  nao_telefone: "phoneNotAPhone",
  sem_ddd: "phoneMissingAreaCode",
  curto: "phoneTooShort",
  longo: "phoneTooLong",
  pais: "phoneUnknownCountry",
  invalido: "phoneInvalid",
} as const satisfies Record<PhoneFailure, ErrorReason>;

export interface PhoneIdentity {
  /** `+5511987654321`. */
  e164: string;
  /** `5511987654321`: the E.164 digits, as WhatsApp reports them for current numbers. */
  digits: string;
  /** ISO 3166-1 alpha-2 country, when the number belongs to one (not for e.g. +800 numbers). */
  country?: CountryCode;
}

export type ParsedPhone = ({ ok: true } & PhoneIdentity) | { ok: false; reason: PhoneFailure };

const MAX_INPUT_LENGTH = 64;
// Digits, spaces and the punctuation people write phone numbers with (including typographic dashes).
const PHONE_CHARACTERS = /^\+?[\d\s().\-/\u2010-\u2015]*$/;

const fail = (reason: PhoneFailure): ParsedPhone => ({ ok: false, reason });

/**
 * Parses what a person typed, a CSV cell or a chat id copied from WhatsApp (read by the provider) into
 * its canonical identity, or the reason it is not a usable phone number.
 *
 * Digits without `+` are read as a national number of `defaultCountry` first and, when that is not a
 * valid number, as international digits without the `+` (how WhatsApp and many exports write them):
 * `5511987654321`, `11987654321` and `351912345678` all parse with the default BR. A number written
 * with an area code in parentheses is only read as national.
 */
export function parsePhone(input: string, defaultCountry: CountryCode = "BR"): ParsedPhone {
  const text = input.trim();
  if (!text) return fail("vazio");
  if (text.length > MAX_INPUT_LENGTH) return fail("longo");

  if (text.includes("@")) {
    const digits = phoneOfCopiedChatId(text);
    if (!digits) return fail("nao_telefone");
    // WhatsApp only reports numbers that exist: accept a possible number even if the metadata
    // shipped with this version does not know its range yet.
    return identify([{ text: `+${digits}` }], { acceptPossible: true });
  }

  if (!PHONE_CHARACTERS.test(text)) return fail("caracteres");
  const digits = text.replace(/\D/g, "");
  if (!digits) return fail("vazio");

  if (text.startsWith("+")) return identify([{ text }], { acceptPossible: false });

  const candidates: Candidate[] = [{ text, country: defaultCountry }];
  // "0055 11 …": the international prefix many people write instead of "+".
  if (digits.startsWith("00")) candidates.push({ text: `+${digits.slice(2)}` });
  // Parentheses mark an area code: "(20) 98765-4321" is a (wrong) national number, not Egypt.
  else if (!text.includes("(")) candidates.push({ text: `+${digits}` });
  const parsed = identify(candidates, { acceptPossible: false });
  if (!parsed.ok && defaultCountry === "BR" && (digits.length === 8 || digits.length === 9)) return fail("sem_ddd");
  return parsed;
}

/** The canonical identity, or null when `input` is not a usable phone number (see parsePhone for why). */
export function canonicalPhone(input: string, defaultCountry: CountryCode = "BR"): PhoneIdentity | null {
  const parsed = parsePhone(input, defaultCountry);
  if (!parsed.ok) return null;
  return { e164: parsed.e164, digits: parsed.digits, country: parsed.country };
}

/**
 * Every digit string (as WhatsApp may report it) that denotes the identity `e164`, canonical first:
 * `+5531999998888` → `["5531999998888", "553199998888"]`, `+525512345678` → `["525512345678",
 * "5215512345678"]`. Use it to find a contact stored or reported under a legacy form. Each variant
 * parses back to `e164`.
 */
export function phoneVariants(e164: string): string[] {
  const digits = e164.replace(/^\+/, "");
  const variants = [digits];
  const brazilianMobile = /^55([1-9]{2})9([6-9]\d{7})$/.exec(digits);
  if (brazilianMobile) variants.push(`55${brazilianMobile[1]}${brazilianMobile[2]}`);
  const mexican = /^52(\d{10})$/.exec(digits);
  if (mexican) variants.push(`521${mexican[1]}`);
  return variants;
}

interface Candidate {
  text: string;
  country?: CountryCode;
}

/** The first candidate that is a valid number after normalisation; else the first candidate's failure. */
function identify(candidates: Candidate[], options: { acceptPossible: boolean }): ParsedPhone {
  for (const candidate of candidates) {
    const parsed = parsePhoneNumberFromString(candidate.text, candidate.country);
    if (!parsed) continue;
    const number = normalise(parsed);
    if (number.isValid() || (options.acceptPossible && number.isPossible())) {
      return { ok: true, e164: number.number, digits: number.number.slice(1), country: number.country };
    }
  }
  return fail(failureOf(candidates[0]!));
}

/** Folds the forms WhatsApp reports into the one a number has today (see the module comment). */
function normalise(number: PhoneNumber): PhoneNumber {
  const national = number.nationalNumber;
  let fixed: string | undefined;
  if (number.countryCallingCode === "55") {
    // DDD + 8 digits starting 6-9: a mobile without its 9th digit (landlines start 2-5).
    const legacyMobile = /^([1-9]{2})([6-9]\d{7})$/.exec(national);
    if (legacyMobile) fixed = `+55${legacyMobile[1]}9${legacyMobile[2]}`;
  } else if (number.countryCallingCode === "52" && /^1\d{10}$/.test(national)) {
    fixed = `+52${national.slice(1)}`;
  }
  return (fixed && parsePhoneNumberFromString(fixed)) || number;
}

function failureOf(candidate: Candidate): PhoneFailure {
  switch (validatePhoneNumberLength(candidate.text, candidate.country)) {
    case "TOO_SHORT":
      return "curto";
    case "TOO_LONG":
      return "longo";
    case "INVALID_COUNTRY":
      return "pais";
    default:
      return "invalido";
  }
}
