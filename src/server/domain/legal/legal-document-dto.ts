import type { z } from "../../../shared/zod";
import type { legalDocumentOutput } from "./legal-outputs";

export type LegalDocumentDto = z.infer<typeof legalDocumentOutput>;

export const legalDocumentSelect = {
  id: true,
  kind: true,
  version: true,
  status: true,
  body: true,
  publishedAt: true,
  createdAt: true,
} as const;

export function toLegalDocumentDto(row: {
  id: string;
  kind: LegalDocumentDto["kind"];
  version: number;
  status: LegalDocumentDto["status"];
  body: string;
  publishedAt: Date | null;
  createdAt: Date;
}): LegalDocumentDto {
  return { ...row, publishedAt: row.publishedAt?.toISOString() ?? null, createdAt: row.createdAt.toISOString() };
}
