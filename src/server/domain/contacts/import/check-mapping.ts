import { AppError } from "../../../errors";
import type { FieldErrors } from "../../../../shared/errors";
import type { ImportMapping } from "../../../../shared/schemas/contacts";

/** The mapping refers to columns the file has and to fields that exist, each column once. */
export function checkMapping(mapping: ImportMapping, columnCount: number, fieldKeys: Set<string>): void {
  const errors: FieldErrors = {};
  const seen = new Map<number, string>();
  const check = (path: string, column: number | null | undefined) => {
    if (column === null || column === undefined) return;
    if (column >= columnCount) errors[path] = [{ reason: "columnMissing" }];
    else if (seen.has(column)) errors[path] = [{ reason: "columnInUse" }];
    else seen.set(column, path);
  };
  check("phone", mapping.phone);
  check("name", mapping.name);
  check("tags", mapping.tags);
  check("consent", mapping.consent);
  for (const [key, column] of Object.entries(mapping.fields)) {
    if (!fieldKeys.has(key)) errors[`fields.${key}`] = [{ reason: "customFieldGone" }];
    else check(`fields.${key}`, column);
  }
  if (Object.keys(errors).length) throw new AppError("VALIDATION", "checkColumnMapping", { fieldErrors: errors });
}
