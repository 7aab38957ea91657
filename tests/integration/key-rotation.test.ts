import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { derivedSuppressionKey, env } from "~/env";
import { decryptSecret, encryptSecret } from "~/server/crypto/secret-box";
import { withOrganization } from "~/server/db/tenant";
import { migrate } from "~/server/db/migrate";
import { db } from "~/server/db/client";
import { childEnv } from "../support/child-env";
import { inboxFixture } from "../support/inbox-pipeline";
import { scratchDatabase, superuserClient } from "../support/scratch-database";

/** Copies one organization's rows (and its owner) from the run's database into `database`, as a superuser. */
async function copyOrganization(database: string, organizationId: string, userId: string) {
  const source = superuserClient("mirage");
  const target = superuserClient(database);
  await source.connect();
  await target.connect();
  try {
    const tables: [string, string, string][] = [
      ["organizations", "id", organizationId],
      ["users", "id", userId],
      ["memberships", "organization_id", organizationId],
      ["instances", "organization_id", organizationId],
      ["ai_providers", "organization_id", organizationId],
    ];
    for (const [table, column, value] of tables) {
      const { rows } = await source.query(`SELECT row_to_json(t) AS r FROM ${table} t WHERE ${column} = $1`, [value]);
      for (const { r } of rows) {
        await target.query(`INSERT INTO ${table} SELECT * FROM json_populate_record(null::${table}, $1)`, [r]);
      }
    }
  } finally {
    await source.end();
    await target.end();
  }
}

async function sealedSecrets(database: string) {
  const client = superuserClient(database);
  await client.connect();
  try {
    const { rows } = await client.query<{ value: string }>(
      `SELECT totp_secret_encrypted AS value FROM users WHERE totp_secret_encrypted IS NOT NULL
       UNION ALL SELECT token_encrypted FROM instances WHERE token_encrypted IS NOT NULL
       UNION ALL SELECT api_key_encrypted FROM ai_providers WHERE api_key_encrypted IS NOT NULL`,
    );
    return rows.map((row) => row.value);
  } finally {
    await client.end();
  }
}

function rotate(databaseUrl: string, oldKey: string, newKey: string) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/rotate-keys.ts", "--new-key", newKey], {
    env: childEnv({
      LOG_LEVEL: "silent",
      DATABASE_URL: databaseUrl,
      ENCRYPTION_KEY: oldKey,
      MIRAGE_DATA_DIR: mkdtempSync(path.join(tmpdir(), "mirage-rotate-")),
    }),
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("npm run keys:rotate", () => {
  it("re-encrypts every stored secret with the new key; a second run finds nothing left to do", async () => {
    const { org, owner } = await inboxFixture();
    await owner.ai.saveProvider({
      baseUrl: "http://127.0.0.1:9/v1",
      apiKey: "sk-rotation",
      model: "m",
      timeoutMs: 5000,
    });
    const oldKey = env().ENCRYPTION_KEY;
    await db().user.update({
      where: { id: org.ownerId },
      data: { totpSecretEncrypted: encryptSecret("JBSWY3DPEHPK3PXP", oldKey) },
    });
    const token = await withOrganization(org.organizationId, async (tx) => {
      const instance = await tx.instance.findFirstOrThrow({ select: { tokenEncrypted: true } });
      return decryptSecret(instance.tokenEncrypted!, oldKey);
    });

    const url = await scratchDatabase("mirage_key_rotation");
    await migrate({ databaseUrl: url });
    const name = new URL(url).pathname.slice(1);
    await copyOrganization(name, org.organizationId, org.ownerId);
    expect(await sealedSecrets(name)).toHaveLength(3);

    const newKey = randomBytes(32).toString("base64");
    const first = rotate(url, oldKey, newKey);
    expect(first.output).toContain("Re-encrypted 3 secrets (0 were already under the new key).");
    expect(first.code).toBe(0);
    // Erased people's hashes were made with the old key's derivation: the command says to pin it.
    expect(first.output).toContain(`Also set SUPPRESSION_KEY=${derivedSuppressionKey(oldKey)} in .env`);
    const opened = (await sealedSecrets(name)).map((sealed) => decryptSecret(sealed, newKey)).sort();
    expect(opened).toEqual(["JBSWY3DPEHPK3PXP", "sk-rotation", token].sort());
    for (const sealed of await sealedSecrets(name)) expect(() => decryptSecret(sealed, oldKey)).toThrow();

    // Resumed or repeated: what is under the new key already is left alone.
    const second = rotate(url, oldKey, newKey);
    expect(second.output).toContain("Re-encrypted 0 secrets (3 were already under the new key).");

    // A key that opens nothing: every secret is reported, none is lost.
    const stranger = rotate(url, randomBytes(32).toString("base64"), randomBytes(32).toString("base64"));
    expect(stranger.code).toBe(1);
    expect(stranger.output).toContain("mirage: 3 stored secrets open with neither the old nor the new key");
    expect((await sealedSecrets(name)).map((sealed) => decryptSecret(sealed, newKey)).sort()).toEqual(opened);
  }, 180_000);
});
