import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { loadDotEnv } from "../src/env";
import { closeConnections } from "../src/server/close-connections";
import { rotateEncryptionKey } from "../src/server/domain/keys/rotate-encryption-key";
import { isSetupError, prepareDatabase } from "./prepare-database";

// `npm run keys:rotate [-- --new-key <base64>]`: re-encrypts every stored secret with a new ENCRYPTION_KEY.
// Stop Mirage first (web and worker hold the old key). With ENCRYPTION_KEY in .env, pass --new-key and put it
// in .env afterwards; with the generated key of the data directory, the new key is kept there as pending until
// every secret is rotated, so an interrupted run resumes with the same key.
loadDotEnv();

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function isKey(value: string | undefined): value is string {
  return value !== undefined && Buffer.from(value, "base64").length === 32;
}

async function main() {
  const given = argument("--new-key");
  if (given !== undefined && !isKey(given))
    throw new Error("--new-key must be 32 bytes in base64 (openssl rand -base64 32).");
  const { settings, embedded } = await prepareDatabase(() => undefined);
  try {
    const fromSettings = Boolean(process.env.ENCRYPTION_KEY);
    const secretsFile = path.join(settings.dataDir, "secrets.json");
    let newKey: string;
    if (fromSettings) {
      if (!given)
        throw new Error("ENCRYPTION_KEY is set in the environment: pass the new key with --new-key <base64>.");
      newKey = given;
    } else {
      const secrets = JSON.parse(readFileSync(secretsFile, "utf8")) as Record<string, string>;
      newKey = secrets.pendingEncryptionKey ?? given ?? randomBytes(32).toString("base64");
      writeFileSync(secretsFile, JSON.stringify({ ...secrets, pendingEncryptionKey: newKey }, null, 2), {
        mode: 0o600,
      });
    }
    // Suppression hashes cannot be recomputed (the phones are gone): the key they were made with stays.
    const pinSuppressionKey = !process.env.SUPPRESSION_KEY;
    if (pinSuppressionKey && !fromSettings) {
      const secrets = JSON.parse(readFileSync(secretsFile, "utf8")) as Record<string, string>;
      writeFileSync(secretsFile, JSON.stringify({ suppressionKey: settings.suppressionKey, ...secrets }, null, 2), {
        mode: 0o600,
      });
    }
    const report = await rotateEncryptionKey({ oldKey: settings.ENCRYPTION_KEY, newKey });
    console.log(`Re-encrypted ${report.rotated} secrets (${report.alreadyRotated} were already under the new key).`);
    if (fromSettings) {
      console.log("Now set ENCRYPTION_KEY to the new key in .env, then start Mirage.");
      if (pinSuppressionKey) {
        console.log(`Also set SUPPRESSION_KEY=${settings.suppressionKey} in .env, so erased people stay suppressed.`);
      }
    } else {
      const { pendingEncryptionKey: _done, ...secrets } = JSON.parse(readFileSync(secretsFile, "utf8")) as Record<
        string,
        string
      >;
      writeFileSync(secretsFile, JSON.stringify({ ...secrets, encryptionKey: newKey }, null, 2), { mode: 0o600 });
      console.log(`The new key is now the data directory's encryption key (${secretsFile}).`);
    }
  } finally {
    await closeConnections();
    await embedded?.stop();
  }
}

main().catch((error: Error & { reason?: string; params?: { count?: number } }) => {
  if (error.reason === "secretUndecryptable") {
    console.error(
      `mirage: ${error.params?.count} stored secrets open with neither the old nor the new key; the others were rotated. Keep the old key until this is resolved.`,
    );
  } else {
    console.error(`mirage: ${isSetupError(error) ? error.message : (error as Error).stack}`);
  }
  process.exit(1);
});
