import { z } from "../../../shared/zod";

export const auditEntryOutput = z.object({
  id: z.string(),
  createdAt: z.date(),
  actor: z.object({ userId: z.string(), name: z.string(), email: z.string() }).nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  metadata: z.unknown(),
});

export const listAuditEntriesOutput = z.object({
  entries: z.array(auditEntryOutput),
  nextCursor: z.string().nullable(),
  /** Entries the whole filter holds: what its CSV export carries (up to the export's row cap). */
  total: z.number().int(),
});
