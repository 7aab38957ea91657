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
  error: string | null;
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
    createdAt: record.createdAt.toISOString(),
    finishedAt: record.finishedAt?.toISOString() ?? null,
  };
}
