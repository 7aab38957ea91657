import { parseJsonColumn } from "../../db/json-column";
import type { ContactFieldTypeValue } from "../../../shared/schemas/contacts";
import type { ErrorReason } from "../../../shared/error-reasons";
import type { MessageParams } from "../../../shared/errors";
import { z } from "../../../shared/zod";

/** What a custom field holds: text, a number, or a calendar date as `YYYY-MM-DD`. */
export type CustomFieldValue = string | number;

export type CustomFieldParse =
  { ok: true; value: CustomFieldValue | null } | { ok: false; issue: { reason: ErrorReason; params: MessageParams } };

export const MAX_TEXT_FIELD_LENGTH = 500;

/**
 * Reads a value typed by a person or found in a spreadsheet cell into the field's type. Blank means
 * "no value" (null). Numbers accept pt-BR ("1.234,56", "R$ 10,50") and plain ("1234.56") forms;
 * dates accept DD/MM/AAAA, DD/MM/AA and AAAA-MM-DD.
 */
export function parseCustomFieldValue(type: ContactFieldTypeValue, raw: string | null | undefined): CustomFieldParse {
  const text = (raw ?? "").trim();
  if (!text) return { ok: true, value: null };
  if (type === "number") return parseNumber(text);
  if (type === "date") return parseDate(text);
  if (text.length > MAX_TEXT_FIELD_LENGTH)
    return {
      ok: false,
      issue: { reason: "customFieldTextTooLong" as const, params: { max: MAX_TEXT_FIELD_LENGTH } },
    };
  return { ok: true, value: text };
}

function parseNumber(text: string): CustomFieldParse {
  const fail = {
    ok: false as const,
    issue: { reason: "customFieldNotANumber" as const, params: { value: text.slice(0, 40) } },
  };
  const cleaned = text.replace(/^R\$\s*/i, "").replace(/[\s\u00a0]/g, "");
  if (!/^[-+]?[\d.,]+$/.test(cleaned)) return fail;
  let normalised: string;
  const lastComma = cleaned.lastIndexOf(",");
  const lastDot = cleaned.lastIndexOf(".");
  if (lastComma >= 0 && lastDot >= 0) {
    // Both: the last one is the decimal separator ("1.234,56" or "1,234.56").
    normalised = lastComma > lastDot ? cleaned.replace(/\./g, "").replace(",", ".") : cleaned.replace(/,/g, "");
  } else if (lastComma >= 0) {
    if ((cleaned.match(/,/g) ?? []).length > 1) normalised = cleaned.replace(/,/g, "");
    else normalised = cleaned.replace(",", ".");
  } else if (/^[-+]?\d{1,3}(\.\d{3})+$/.test(cleaned)) {
    // "1.234" and "1.234.567" are thousands in pt-BR.
    normalised = cleaned.replace(/\./g, "");
  } else {
    normalised = cleaned;
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(normalised)) return fail;
  const value = Number(normalised);
  return Number.isFinite(value) ? { ok: true, value } : fail;
}

function parseDate(text: string): CustomFieldParse {
  const fail = {
    ok: false as const,
    issue: { reason: "customFieldInvalidDate" as const, params: { value: text.slice(0, 40) } },
  };
  let year: number, month: number, day: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(text);
  const br = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text);
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (br) {
    [day, month, year] = [Number(br[1]), Number(br[2]), Number(br[3])];
    // Two-digit years: 00-49 are 2000s, 50-99 are 1900s (birthdays and recent dates alike).
    if (br[3]!.length === 2) year += year < 50 ? 2000 : 1900;
  } else return fail;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    year < 1900 ||
    year > 2200 ||
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  )
    return fail;
  return { ok: true, value: date.toISOString().slice(0, 10) };
}

/** contacts.custom_fields: the values of the organization's custom fields, by field key. */
export const customFieldsSchema = z.record(z.string(), z.union([z.string(), z.number()]));

/** A contact's stored custom field values, parsed (an INTERNAL error naming the contact when they do not match). */
export function customFieldsOf(contact: { id: string; customFields: unknown }): Record<string, CustomFieldValue> {
  return parseJsonColumn(customFieldsSchema, contact.customFields, {
    table: "contacts",
    column: "custom_fields",
    id: contact.id,
  });
}
