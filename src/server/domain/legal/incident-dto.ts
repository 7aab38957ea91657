import { INCIDENT_KEEP_YEARS, type incidentDataCategories } from "../../../shared/schemas/legal";
import type { z } from "../../../shared/zod";
import type { incidentOutput } from "./legal-outputs";

export type IncidentDto = z.infer<typeof incidentOutput>;

/** Within a day of its due time the clock is "due soon" (and the reminder job speaks). */
export const INCIDENT_DUE_SOON_MS = 86_400_000;

interface IncidentRow {
  id: string;
  description: string;
  occurredAt: Date | null;
  detectedAt: Date;
  dataCategories: string[];
  affectedCount: number;
  measures: string;
  status: IncidentDto["status"];
  noticeDueAt: Date;
  anpdNotifiedAt: Date | null;
  subjectsNotifiedAt: Date | null;
  createdAt: Date;
}

export function toIncidentDto(row: IncidentRow, now = new Date()): IncidentDto {
  const keepUntil = new Date(row.createdAt);
  keepUntil.setUTCFullYear(keepUntil.getUTCFullYear() + INCIDENT_KEEP_YEARS);
  const clock = row.anpdNotifiedAt
    ? "notified"
    : row.noticeDueAt <= now
      ? "overdue"
      : row.noticeDueAt.getTime() - now.getTime() <= INCIDENT_DUE_SOON_MS
        ? "due_soon"
        : "on_time";
  return {
    id: row.id,
    description: row.description,
    occurredAt: row.occurredAt?.toISOString() ?? null,
    detectedAt: row.detectedAt.toISOString(),
    dataCategories: row.dataCategories as (typeof incidentDataCategories)[number][],
    affectedCount: row.affectedCount,
    measures: row.measures,
    status: row.status,
    noticeDueAt: row.noticeDueAt.toISOString(),
    anpdNotifiedAt: row.anpdNotifiedAt?.toISOString() ?? null,
    subjectsNotifiedAt: row.subjectsNotifiedAt?.toISOString() ?? null,
    clock,
    keepUntil: keepUntil.toISOString(),
  };
}
