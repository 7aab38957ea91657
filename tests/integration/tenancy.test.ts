import pg from "pg";
import { describe, expect, it } from "vitest";
import { env } from "~/env";
import { addMemberWithPassword, callerFor, makeOrganization } from "../support/factory";

describe("organization isolation", () => {
  it("a router refuses another organization's records", async () => {
    const a = await makeOrganization();
    const b = await makeOrganization();
    const bAgent = await addMemberWithPassword(b.organizationId, "agent");
    const ownerOfA = callerFor(a.ownerId, a.organizationId);

    await expect(
      ownerOfA.members.changeRole({ membershipId: bAgent.membershipId, role: "admin" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(ownerOfA.members.remove({ membershipId: bAgent.membershipId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const visible = await ownerOfA.members.list();
    expect(visible.map((m) => m.userId)).not.toContain(bAgent.userId);
    // A session naming an organization the person does not belong to gets nothing.
    await expect(callerFor(a.ownerId, b.organizationId).members.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("Row-Level Security hides other organizations from raw SQL under the application role", async () => {
    const a = await makeOrganization();
    const b = await makeOrganization();
    const client = new pg.Client({ connectionString: env().DATABASE_URL });
    await client.connect();
    try {
      const role = await client.query(`SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`);
      expect(role.rows[0]).toEqual({ rolsuper: false, rolbypassrls: false });

      // No organization set: a query that forgot every filter sees nothing at all.
      for (const table of ["organizations", "memberships", "audit_logs"]) {
        const all = await client.query(`SELECT count(*)::int AS n FROM ${table}`);
        expect(all.rows[0].n, table).toBe(0);
      }

      await client.query("BEGIN");
      await client.query(`SELECT set_config('mirage.organization_id', $1, true)`, [a.organizationId]);
      const foreign = await client.query(
        `SELECT (SELECT count(*) FROM memberships WHERE organization_id = $1)::int AS memberships,
                (SELECT count(*) FROM audit_logs WHERE organization_id = $1)::int AS audit,
                (SELECT count(*) FROM organizations WHERE id = $1)::int AS organizations`,
        [b.organizationId],
      );
      expect(foreign.rows[0]).toEqual({ memberships: 0, audit: 0, organizations: 0 });
      const own = await client.query(`SELECT count(*)::int AS n FROM memberships`);
      expect(own.rows[0].n).toBe(1);
      // Writing into another organization is refused by the policy's WITH CHECK.
      await expect(
        client.query(
          `INSERT INTO audit_logs (id, organization_id, action, target_type) VALUES (gen_random_uuid(), $1, 'x', 'y')`,
          [b.organizationId],
        ),
      ).rejects.toThrow(/row-level security/);
      await client.query("ROLLBACK");
    } finally {
      await client.end();
    }
  });

  it("every table with organization_id has Row-Level Security enabled, forced and a policy", async () => {
    const client = new pg.Client({ connectionString: env().DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query<{ table: string; enabled: boolean; forced: boolean; policies: number }>(
        `SELECT c.relname AS table, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
                (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind = 'r'
           AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'organization_id' AND NOT a.attisdropped)`,
      );
      expect(rows.map((r) => r.table).sort()).toEqual(
        expect.arrayContaining(["audit_logs", "instance_events", "instances", "memberships", "webhook_deliveries"]),
      );
      expect(rows.filter((r) => !r.enabled || !r.forced || r.policies === 0)).toEqual([]);
    } finally {
      await client.end();
    }
  });
});
