import type { z } from "../../../shared/zod";
import type { dataSubjectRequestOutput } from "./privacy-outputs";

export type DataSubjectRequestDto = z.infer<typeof dataSubjectRequestOutput>;

/** Days before the due date from which an open request shows as due soon and gets a reminder. */
export const DUE_SOON_DAYS = 3;
const DAY_MS = 86_400_000;

interface RequestRow {
  id: string;
  contactId: string | null;
  kind: DataSubjectRequestDto["kind"];
  status: DataSubjectRequestDto["status"];
  receivedAt: Date;
  dueAt: Date;
  outcome: string | null;
  closedAt: Date | null;
}

export function toDataSubjectRequestDto(
  row: RequestRow,
  contactName: string | null,
  now = new Date(),
): DataSubjectRequestDto {
  const open = row.status === "open";
  return {
    id: row.id,
    contactId: row.contactId,
    contactName,
    kind: row.kind,
    status: row.status,
    receivedAt: row.receivedAt.toISOString(),
    dueAt: row.dueAt.toISOString(),
    outcome: row.outcome as DataSubjectRequestDto["outcome"],
    closedAt: row.closedAt?.toISOString() ?? null,
    clock: !open
      ? "closed"
      : row.dueAt <= now
        ? "overdue"
        : row.dueAt.getTime() - now.getTime() <= DUE_SOON_DAYS * DAY_MS
          ? "due_soon"
          : "on_time",
  };
}

export const requestSelect = {
  id: true,
  contactId: true,
  kind: true,
  status: true,
  receivedAt: true,
  dueAt: true,
  outcome: true,
  closedAt: true,
} as const;
