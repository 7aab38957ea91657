import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import { scheduleForOrganization } from "../../jobs/enqueue";
import { MIN_AUDIT_KEEP_DAYS, retentionDataKinds, type RetentionDataKindValue } from "../../../shared/schemas/privacy";
import type { z } from "../../../shared/zod";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";
import { requireRole } from "../members/require-role";
import type { retentionPolicyOutput } from "./privacy-outputs";
import { retentionCutoff, retentionTargets } from "./retention-targets";

type RetentionPolicyDto = z.infer<typeof retentionPolicyOutput>;

function checkKeepDays(kind: RetentionDataKindValue, keepDays: number) {
  if (kind === "audit" && keepDays < MIN_AUDIT_KEEP_DAYS)
    throw new AppError("VALIDATION", "auditRetentionTooShort", {
      params: { days: MIN_AUDIT_KEEP_DAYS },
      fieldErrors: { keepDays: [{ reason: "auditRetentionTooShort", params: { days: MIN_AUDIT_KEEP_DAYS } }] },
    });
}

/** Every kind of data with the organization's policy (keepDays null: kept until deleted). */
export async function listRetentionPolicies(actor: Actor): Promise<RetentionPolicyDto[]> {
  requireRole(actor, "admin");
  const rows = await withOrganization(actor.organizationId, (tx) =>
    tx.retentionPolicy.findMany({ where: { organizationId: actor.organizationId } }),
  );
  return retentionDataKinds.map((kind) => {
    const row = rows.find((r) => r.kind === kind);
    return {
      kind,
      keepDays: row?.keepDays ?? null,
      enabled: row?.enabled ?? false,
      lastPurgedAt: row?.lastPurgedAt?.toISOString() ?? null,
    };
  });
}

/** The dry run: how many rows a policy would purge now. */
export async function previewRetentionPurge(
  actor: Actor,
  input: { kind: RetentionDataKindValue; keepDays: number },
): Promise<{ kind: RetentionDataKindValue; count: number }> {
  requireRole(actor, "admin");
  checkKeepDays(input.kind, input.keepDays);
  const count = await withOrganization(actor.organizationId, (tx) =>
    retentionTargets[input.kind].count(tx, actor.organizationId, retentionCutoff(input.keepDays)),
  );
  return { kind: input.kind, count };
}

/** Saves a policy (audited with the dry-run count at that moment) and schedules the daily purge. */
export async function saveRetentionPolicy(
  actor: Actor,
  input: { kind: RetentionDataKindValue; keepDays: number; enabled: boolean },
): Promise<RetentionPolicyDto> {
  requireRole(actor, "admin");
  checkKeepDays(input.kind, input.keepDays);
  const { organizationId } = actor;
  const row = await withOrganization(organizationId, async (tx) => {
    const before = await tx.retentionPolicy.findUnique({
      where: { organizationId_kind: { organizationId, kind: input.kind } },
    });
    const saved = await tx.retentionPolicy.upsert({
      where: { organizationId_kind: { organizationId, kind: input.kind } },
      create: { organizationId, kind: input.kind, keepDays: input.keepDays, enabled: input.enabled },
      update: { keepDays: input.keepDays, enabled: input.enabled },
    });
    if (before?.keepDays !== saved.keepDays || before?.enabled !== saved.enabled)
      await recordAudit(tx, {
        organizationId,
        actorUserId: actor.userId,
        action: "privacy.retention_saved",
        targetType: "retention_policy",
        targetId: input.kind,
        metadata: {
          before: before ? { keepDays: before.keepDays, enabled: before.enabled } : null,
          after: { keepDays: saved.keepDays, enabled: saved.enabled },
          wouldPurge: await retentionTargets[input.kind].count(tx, organizationId, retentionCutoff(saved.keepDays)),
        },
      });
    return saved;
  });
  if (row.enabled) await scheduleForOrganization("privacy.retention", organizationId);
  return {
    kind: input.kind,
    keepDays: row.keepDays,
    enabled: row.enabled,
    lastPurgedAt: row.lastPurgedAt?.toISOString() ?? null,
  };
}
