import { messageParamsSchema } from "../../../../shared/schemas/message-params";
import type { ContactImportRecord } from "./load-import";
import type { contactImportOutput } from "../contact-outputs";
import type { z } from "../../../../shared/zod";

export type ContactImportDto = z.infer<typeof contactImportOutput>;

export function contactImportDto(record: ContactImportRecord): ContactImportDto {
  return {
    id: record.id,
    fileName: record.fileName,
    status: record.status,
    totalRows: record.totalRows,
    processedRows: record.processedRows,
    createdCount: record.createdCount,
    updatedCount: record.updatedCount,
    unchangedCount: record.unchangedCount,
    rejectedCount: record.rejectedCount,
    hasReport: record.reportKey !== null,
    error: record.error,
    errorParams: messageParamsSchema.catch({}).parse(record.errorParams),
    createdAt: record.createdAt.toISOString(),
    finishedAt: record.finishedAt?.toISOString() ?? null,
  };
}
