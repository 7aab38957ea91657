import type { MessageParams } from "../../../../shared/errors";
import { messageParamsSchema } from "../../../../shared/schemas/message-params";
import type { ContactImportRecord } from "./load-import";

export interface ContactImportDto {
  id: string;
  fileName: string;
  status: "previewed" | "running" | "completed" | "failed";
  totalRows: number;
  processedRows: number;
  createdCount: number;
  updatedCount: number;
  unchangedCount: number;
  rejectedCount: number;
  hasReport: boolean;
  /** Why it failed: an error reason code, worded by the UI with `errorParams`. */
  error: string | null;
  errorParams: MessageParams;
  createdAt: string;
  finishedAt: string | null;
}

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
