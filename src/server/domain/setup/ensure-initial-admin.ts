import { db } from "../../db/client";
import { generatePassword } from "../auth/password";
import { createOrganization } from "../organizations/create-organization";

export type InitialAdminResult =
  { created: false } | { created: true; email: string; password: string; passwordWasGenerated: boolean };

/**
 * On an empty database, creates the first organization and its owner. The password comes from
 * settings, or is generated and returned so the start script prints it once.
 */
export async function ensureInitialAdmin(settings: {
  email?: string;
  password?: string;
  name: string;
  organizationName: string;
}): Promise<InitialAdminResult> {
  if ((await db().user.count()) > 0) return { created: false };
  const email = settings.email ?? "admin@mirage.local";
  const password = settings.password ?? generatePassword();
  await createOrganization({
    organizationName: settings.organizationName,
    // A generated password was printed to a terminal: replace it after the first sign-in.
    owner: { name: settings.name, email, password, mustChangePassword: !settings.password },
  });
  return { created: true, email, password, passwordWasGenerated: !settings.password };
}
