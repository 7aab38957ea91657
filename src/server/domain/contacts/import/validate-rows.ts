import type { ErrorReason } from "../../../../shared/error-reasons";
import type { MessageParams } from "../../../../shared/errors";
import type { ContactFieldTypeValue, ImportMapping } from "../../../../shared/schemas/contacts";
import { parseCustomFieldValue, type CustomFieldValue } from "../custom-field-value";
import { parsePhone, phoneFailureReasons } from "../phone-identity";
import { normaliseConsentText, parseConsentCell } from "./consent-value";
import type { SheetRow } from "./read-spreadsheet";

/** One row that will be written: canonical phone and the values it sets. */
export interface ImportRowPlan {
  rowNumber: number;
  phoneE164: string;
  name: string | null;
  /** Tag names as written (first spelling), deduplicated case-insensitively. */
  tags: string[];
  consent: "opted_in" | "opted_out" | null;
  fields: Record<string, CustomFieldValue>;
}

/**
 * One reason a row is rejected, as an error reason with its parameters (`field`: the custom field's
 * label when the issue is in one); the UI and the rejected-rows CSV word it.
 */
export interface RowIssue {
  reason: ErrorReason;
  params: MessageParams;
}

export interface RowRejection {
  rowNumber: number;
  /** The phone cell as written. */
  phone: string;
  issues: RowIssue[];
  /** Set when the row repeats the phone of an earlier row. */
  duplicateOf?: number;
  cells: string[];
}

export interface ConsentValueCount {
  value: string;
  status: "opted_in" | "opted_out" | null;
  recognised: boolean;
  rows: number;
}

export interface RowsValidation {
  valid: ImportRowPlan[];
  rejected: RowRejection[];
  duplicates: number;
  /** Distinct consent cells and how they were read (most frequent first). */
  consentValues: ConsentValueCount[];
}

export const MAX_NAME_LENGTH = 200;
export const MAX_TAG_LENGTH = 40;
export const MAX_TAGS_PER_ROW = 20;

interface FieldDefinition {
  key: string;
  label: string;
  type: ContactFieldTypeValue;
}

/**
 * Checks every row against the mapping before anything is written: the phone (canonical identity;
 * a phone repeated in the file keeps its first row), name, tags, consent and custom field values.
 * Pure and deterministic: the preview and the import job reach the same verdict for the same file.
 */
export function validateImportRows(
  rows: SheetRow[],
  mapping: ImportMapping,
  fields: FieldDefinition[],
): RowsValidation {
  const valid: ImportRowPlan[] = [];
  const rejected: RowRejection[] = [];
  const firstRowOfPhone = new Map<string, number>();
  const consentValues = new Map<string, ConsentValueCount>();
  let duplicates = 0;
  const mappedFields = fields.filter((field) => mapping.fields[field.key] !== undefined);

  for (const row of rows) {
    const cell = (column: number | null | undefined) =>
      column === null || column === undefined ? "" : (row.cells[column] ?? "");
    const reasons: RowIssue[] = [];
    const issue = (reason: ErrorReason, params: MessageParams = {}) => reasons.push({ reason, params });
    const phoneCell = cell(mapping.phone);
    const phone = parsePhone(phoneCell);
    let duplicateOf: number | undefined;
    if (!phone.ok) issue(phoneFailureReasons[phone.reason]);
    else {
      duplicateOf = firstRowOfPhone.get(phone.e164);
      if (duplicateOf !== undefined) issue("importPhoneRepeated", { row: duplicateOf });
      else firstRowOfPhone.set(phone.e164, row.rowNumber);
    }

    const name = cell(mapping.name) || null;
    if (name && name.length > MAX_NAME_LENGTH) issue("importNameTooLong", { max: MAX_NAME_LENGTH });

    const tags = splitTags(cell(mapping.tags));
    const longTag = tags.find((tag) => tag.length > MAX_TAG_LENGTH);
    if (longTag) issue("importTagTooLong", { tag: longTag.slice(0, 50), max: MAX_TAG_LENGTH });
    if (tags.length > MAX_TAGS_PER_ROW) issue("importTooManyTags", { max: MAX_TAGS_PER_ROW });

    let consent: ImportRowPlan["consent"] = null;
    if (mapping.consent !== null && mapping.consent !== undefined) {
      const raw = cell(mapping.consent);
      const parsed = parseConsentCell(raw);
      if (parsed.kind === "status") consent = parsed.status;
      if (parsed.kind === "unrecognised") issue("importConsentUnrecognised", { value: raw.slice(0, 40) });
      tallyConsent(consentValues, raw, parsed.kind === "status" ? parsed.status : null, parsed.kind !== "unrecognised");
    }

    const values: Record<string, CustomFieldValue> = {};
    for (const field of mappedFields) {
      const parsed = parseCustomFieldValue(field.type, cell(mapping.fields[field.key]));
      if (!parsed.ok) issue(parsed.issue.reason, { ...parsed.issue.params, field: field.label });
      else if (parsed.value !== null) values[field.key] = parsed.value;
    }

    if (duplicateOf !== undefined) duplicates++;
    if (reasons.length || !phone.ok)
      rejected.push({
        rowNumber: row.rowNumber,
        phone: phoneCell,
        issues: reasons,
        duplicateOf,
        cells: row.cells,
      });
    else valid.push({ rowNumber: row.rowNumber, phoneE164: phone.e164, name, tags, consent, fields: values });
  }
  return {
    valid,
    rejected,
    duplicates,
    consentValues: [...consentValues.values()].sort((a, b) => b.rows - a.rows).slice(0, 30),
  };
}

/** "VIP, clientes; vip | Black Friday" → ["VIP", "clientes", "Black Friday"]. */
export function splitTags(cell: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const part of cell.split(/[,;|]/)) {
    const tag = part.trim().replace(/\s+/g, " ");
    const key = tag.toLocaleLowerCase("pt-BR");
    if (tag && !seen.has(key)) {
      seen.add(key);
      tags.push(tag);
    }
  }
  return tags;
}

function tallyConsent(
  counts: Map<string, ConsentValueCount>,
  raw: string,
  status: "opted_in" | "opted_out" | null,
  recognised: boolean,
) {
  const key = normaliseConsentText(raw);
  const entry = counts.get(key);
  if (entry) entry.rows++;
  else if (counts.size < 200) counts.set(key, { value: raw.slice(0, 40), status, recognised, rows: 1 });
}
