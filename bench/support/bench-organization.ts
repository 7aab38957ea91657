import { prepareDatabase } from "../../scripts/prepare-database";
import { closeConnections } from "../../src/server/close-connections";
import pg from "pg";
import { createOrganization } from "../../src/server/domain/organizations/create-organization";
import { superuserUrl } from "./common";

export interface BenchActor {
  userId: string;
  organizationId: string;
  role: "owner";
}

/**
 * Runs a database-only benchmark: the embedded Postgres of `env`'s data directory (migrated), a fresh
 * organization and its owner as the actor; then prints the figures `work` returns as one JSON line.
 * With `reuseName`, an organization of that name left by an earlier run is reused (its seed kept) and
 * `work` is told so; otherwise one of that name is created.
 */
export async function runWithBenchOrganization(
  env: Record<string, string>,
  work: (actor: BenchActor, context: { reused: boolean }) => Promise<object>,
  options: { keep?: boolean; reuseName?: string } = {},
): Promise<void> {
  Object.assign(process.env, env);
  delete process.env.DATABASE_URL;
  const prepared = await prepareDatabase(() => undefined);
  process.env.DATABASE_URL = prepared.settings.DATABASE_URL;
  let figures: object;
  try {
    const existing = options.reuseName ? await findOwner(env, options.reuseName) : null;
    if (existing) {
      figures = await work({ ...existing, role: "owner" }, { reused: true });
    } else {
      const stamp = Date.now();
      const { organization, user } = await createOrganization({
        organizationName: options.reuseName ?? `Bench ${stamp}`,
        owner: { name: "Bench", email: `bench-${stamp}@example.com`, password: "correct-horse-battery" },
      });
      figures = await work({ userId: user.id, organizationId: organization.id, role: "owner" }, { reused: false });
    }
  } finally {
    await closeConnections();
    if (options.keep) prepared.embedded?.keepRunning();
    else await prepared.embedded?.stop();
  }
  console.log(JSON.stringify(figures));
}

/** The owner of the organization named `name` (as the superuser: organizations and memberships are under RLS). */
async function findOwner(
  env: Record<string, string>,
  name: string,
): Promise<{ userId: string; organizationId: string } | null> {
  const client = new pg.Client({ connectionString: superuserUrl(env.MIRAGE_DATA_DIR!, env.EMBEDDED_PG_PORT!) });
  await client.connect();
  try {
    const { rows } = await client.query<{ userId: string; organizationId: string }>(
      `SELECT m.user_id AS "userId", m.organization_id AS "organizationId" FROM organizations o
       JOIN memberships m ON m.organization_id = o.id WHERE o.name = $1 AND m.role = 'owner' LIMIT 1`,
      [name],
    );
    return rows[0] ?? null;
  } finally {
    await client.end();
  }
}
