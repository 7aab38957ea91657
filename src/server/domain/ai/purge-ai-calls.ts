import { withOrganization } from "../../db/tenant";

/** Deletes the organization's AI call log rows older than its retention days (the `ai.purge-calls` schedule). */
export async function purgeAiCalls(input: { organizationId: string }): Promise<{ deleted: number }> {
  return withOrganization(input.organizationId, async (tx) => {
    const { aiLogRetentionDays } = await tx.organization.findUniqueOrThrow({
      where: { id: input.organizationId },
      select: { aiLogRetentionDays: true },
    });
    const { count } = await tx.aiCall.deleteMany({
      where: {
        organizationId: input.organizationId,
        createdAt: { lt: new Date(Date.now() - aiLogRetentionDays * 86_400_000) },
      },
    });
    return { deleted: count };
  });
}
