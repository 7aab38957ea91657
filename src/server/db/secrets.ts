import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";

/** Secrets generated on first start for a self-contained install, kept in the data directory. */
export interface LocalSecrets {
  authSecret: string;
  dbSuperuserPassword: string;
  dbAppPassword: string;
  encryptionKey: string;
  /** Global apikey of the bundled Evolution simulator. */
  simulatorApiKey: string;
  /** Pinned by `npm run keys:rotate` (never generated: unset, it derives from encryptionKey). */
  suppressionKey?: string;
}

const FILE_NAME = "secrets.json";

function generate(): LocalSecrets {
  const token = () => randomBytes(32).toString("base64url");
  return {
    authSecret: token(),
    dbSuperuserPassword: token(),
    dbAppPassword: token(),
    encryptionKey: randomBytes(32).toString("base64"),
    simulatorApiKey: token(),
  };
}

/** Reads the data directory's secrets, creating them (mode 0600) when absent. */
export function loadOrCreateLocalSecrets(dataDir: string): LocalSecrets {
  const file = path.join(dataDir, FILE_NAME);
  const existing = readLocalSecrets(dataDir);
  if (existing) return existing;
  mkdirSync(dataDir, { recursive: true });
  const secrets = generate();
  // "wx" fails if another process created it in the meantime; then read theirs.
  try {
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600, flag: "wx" });
    return secrets;
  } catch {
    return readLocalSecrets(dataDir) ?? secrets;
  }
}

export function readLocalSecrets(dataDir: string): LocalSecrets | undefined {
  const file = path.join(dataDir, FILE_NAME);
  if (!existsSync(file)) return undefined;
  const partial = JSON.parse(readFileSync(file, "utf8")) as Partial<LocalSecrets>;
  const complete = { ...generate(), ...partial };
  if (Object.keys(partial).length !== Object.keys(complete).length) {
    writeFileSync(file, JSON.stringify(complete, null, 2), { mode: 0o600 });
  }
  return complete;
}
