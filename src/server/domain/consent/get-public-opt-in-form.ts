import { withOrganization } from "../../db/tenant";
import { findOptInForm } from "./find-opt-in-form";
import { issueOptInFormToken } from "./opt-in-form-token";

/** What the public page shows: the organization, the exact wording and its version, and a signed form token. */
export async function getPublicOptInForm(token: string): Promise<{
  organizationId: string;
  organizationName: string;
  wording: string;
  wordingVersion: number;
  formToken: string;
  hasPrivacyPolicy: boolean;
} | null> {
  const form = await findOptInForm(token);
  if (!form) return null;
  return withOrganization(form.organizationId, async (tx) => {
    const organization = await tx.organization.findUniqueOrThrow({
      where: { id: form.organizationId },
      select: { name: true },
    });
    const policies = await tx.legalDocument.count({
      where: { organizationId: form.organizationId, kind: "privacy_policy", status: "published" },
    });
    return {
      organizationId: form.organizationId,
      organizationName: organization.name,
      wording: form.wording,
      wordingVersion: form.wordingVersion,
      formToken: issueOptInFormToken(form.id, form.wordingVersion),
      hasPrivacyPolicy: policies > 0,
    };
  });
}
