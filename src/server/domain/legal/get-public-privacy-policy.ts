import { withOrganization } from "../../db/tenant";
import { currentLegalDocument } from "./current-legal-document";

/**
 * The published privacy policy of an organization, for its public page (no session). Null when the
 * organization does not exist or has published none.
 */
export async function getPublicPrivacyPolicy(
  organizationId: string,
): Promise<{ organizationName: string; version: number; body: string; publishedAt: string } | null> {
  if (!/^[0-9a-f-]{36}$/i.test(organizationId)) return null;
  return withOrganization(organizationId, async (tx) => {
    const organization = await tx.organization.findUnique({ where: { id: organizationId }, select: { name: true } });
    if (!organization) return null;
    const current = await currentLegalDocument(tx, organizationId, "privacy_policy");
    if (!current) return null;
    return {
      organizationName: organization.name,
      version: current.version,
      body: current.body,
      publishedAt: (current.publishedAt ?? new Date()).toISOString(),
    };
  });
}
