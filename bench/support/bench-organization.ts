import { prepareDatabase } from "../../scripts/prepare-database";
import { closeConnections } from "../../src/server/close-connections";
import { createOrganization } from "../../src/server/domain/organizations/create-organization";

export interface BenchActor {
  userId: string;
  organizationId: string;
  role: "owner";
}

/**
 * Runs a database-only benchmark: the embedded Postgres of `env`'s data directory (migrated), a fresh
 * organization and its owner as the actor; then prints the figures `work` returns as one JSON line.
 */
export async function runWithBenchOrganization(
  env: Record<string, string>,
  work: (actor: BenchActor) => Promise<object>,
  options: { keep?: boolean } = {},
): Promise<void> {
  Object.assign(process.env, env);
  delete process.env.DATABASE_URL;
  const prepared = await prepareDatabase(() => undefined);
  process.env.DATABASE_URL = prepared.settings.DATABASE_URL;
  let figures: object;
  try {
    const { organization, user } = await createOrganization({
      organizationName: `Bench ${Date.now()}`,
      owner: { name: "Bench", email: `bench-${Date.now()}@example.com`, password: "correct-horse-battery" },
    });
    figures = await work({ userId: user.id, organizationId: organization.id, role: "owner" });
  } finally {
    await closeConnections();
    if (options.keep) prepared.embedded?.keepRunning();
    else await prepared.embedded?.stop();
  }
  console.log(JSON.stringify(figures));
}
