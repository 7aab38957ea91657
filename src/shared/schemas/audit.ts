import { z } from "../zod";

/** The audit page's filters: all optional, a period of at most what the page can show. */
export const auditFilterSchema = z.object({
  actorUserId: z.uuid().optional(),
  action: z.string().trim().min(1).max(80).optional(),
  targetType: z.string().trim().min(1).max(80).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
});

export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const listAuditEntriesInput = z.object({
  filter: auditFilterSchema.default({}),
  /** The id of the last entry of the previous page (entries are newest first). */
  cursor: z.uuid().optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
