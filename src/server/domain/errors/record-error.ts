import type { ErrorSource } from "../../db/generated/enums";
import { withOrganization, withPlatform, type Tx } from "../../db/tenant";
import { uuid7 } from "../../db/uuid7";
import { logger } from "../../logger";
import { activeTraceId } from "../../observability/trace";
import { errorFingerprint, normalizeErrorMessage } from "./error-fingerprint";
import { errorRelease } from "./error-release";
import { forwardToSentry } from "./forward-to-sentry";
import { sanitizeErrorContext, sanitizeErrorText } from "./sanitize-error-text";

/** Occurrences kept per group: enough to compare the last few; the count keeps the total. */
const OCCURRENCES_KEPT = 20;

export interface ErrorReport {
  source: ErrorSource;
  /** Whatever was thrown, or a browser's report already taken apart. */
  error: unknown;
  /** The organization the failing work was for, when known; otherwise the error is system-wide. */
  organizationId?: string | null;
  context?: Record<string, unknown>;
  traceId?: string | null;
  release?: string;
}

export interface RecordedError {
  groupId: string;
  count: number;
}

/**
 * Records one unhandled error under its group (created, counted, reopened if it was resolved) with a
 * sanitized occurrence, and forwards it to Sentry when configured. Never throws: error tracking must not
 * turn one failure into two; it logs instead and answers null.
 */
export async function recordError(report: ErrorReport): Promise<RecordedError | null> {
  try {
    const parts = partsOf(report.error);
    const organizationId = report.organizationId ?? null;
    const message = sanitizeErrorText(parts.message, 2_000);
    const stack = sanitizeErrorText(parts.stack, 16_000);
    const errorName = sanitizeErrorText(parts.name, 100) || "Error";
    const fingerprint = errorFingerprint({ organizationId, source: report.source, errorName, message, stack });
    const release = sanitizeErrorText(report.release ?? errorRelease(), 100);
    const traceId = report.traceId ?? activeTraceId() ?? null;
    const context = sanitizeErrorContext(report.context);

    const write = (tx: Tx) =>
      upsertGroup(tx, {
        organizationId,
        fingerprint,
        source: report.source,
        errorName,
        message: normalizeErrorMessage(message),
        release,
        occurrence: { release, traceId, stack: stack || `${errorName}: ${message}`, context },
      });
    const recorded = organizationId ? await withOrganization(organizationId, write) : await withPlatform(write);
    void forwardToSentry({
      source: report.source,
      errorName,
      message,
      stack,
      release,
      traceId,
      organizationId,
      fingerprint,
      context,
    });
    return recorded;
  } catch (failure) {
    logger.warn({ err: failure }, "error not recorded");
    return null;
  }
}

interface GroupWrite {
  organizationId: string | null;
  fingerprint: string;
  source: ErrorSource;
  errorName: string;
  message: string;
  release: string;
  occurrence: { release: string; traceId: string | null; stack: string; context: Record<string, unknown> };
}

async function upsertGroup(tx: Tx, write: GroupWrite): Promise<RecordedError> {
  const now = new Date();
  // One statement: concurrent reports of one fingerprint count up instead of racing on the unique key.
  // A resolved group that happens again reopens; an ignored one stays ignored.
  const [group] = await tx.$queryRaw<{ id: string; count: number }[]>`
    INSERT INTO error_groups (id, organization_id, fingerprint, source, error_name, message, count,
                              first_seen_at, last_seen_at, last_release)
    VALUES (${uuid7()}::uuid, ${write.organizationId}::uuid, ${write.fingerprint},
            ${write.source}::"ErrorSource", ${write.errorName}, ${write.message}, 1, ${now}, ${now}, ${write.release})
    ON CONFLICT (fingerprint) DO UPDATE SET
      count = error_groups.count + 1,
      last_seen_at = EXCLUDED.last_seen_at,
      last_release = EXCLUDED.last_release,
      status = CASE WHEN error_groups.status = 'resolved' THEN 'open'::"ErrorGroupStatus" ELSE error_groups.status END,
      status_changed_at = CASE WHEN error_groups.status = 'resolved' THEN EXCLUDED.last_seen_at
                               ELSE error_groups.status_changed_at END
    RETURNING id, count`;
  const groupId = group!.id;
  await tx.errorOccurrence.create({
    data: {
      groupId,
      organizationId: write.organizationId,
      occurredAt: now,
      release: write.occurrence.release,
      traceId: write.occurrence.traceId,
      stack: write.occurrence.stack,
      context: write.occurrence.context as object,
    },
  });
  await tx.$executeRaw`
    DELETE FROM error_occurrences WHERE group_id = ${groupId}::uuid AND id NOT IN (
      SELECT id FROM error_occurrences WHERE group_id = ${groupId}::uuid
      ORDER BY occurred_at DESC, id DESC LIMIT ${OCCURRENCES_KEPT})`;
  return { groupId, count: group!.count };
}

function partsOf(error: unknown): { name: string; message: string; stack: string } {
  if (error instanceof Error) {
    return { name: error.name, message: error.message, stack: error.stack ?? "" };
  }
  if (typeof error === "object" && error !== null) {
    const { name, message, stack } = error as Record<string, unknown>;
    return {
      name: typeof name === "string" ? name : "Error",
      message: typeof message === "string" ? message : safeString(error),
      stack: typeof stack === "string" ? stack : "",
    };
  }
  return { name: "Error", message: safeString(error), stack: "" };
}

function safeString(value: unknown): string {
  try {
    return typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    return String(value);
  }
}
