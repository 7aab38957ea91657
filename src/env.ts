import { existsSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { readLocalSecrets } from "./server/db/secrets";

/**
 * Every setting Mirage reads, validated once. Shared by the web server, the worker and scripts.
 * `.env.example` documents each one; keep the two in step.
 */
const boolean = z.enum(["true", "false", "1", "0", ""]).transform((v) => v === "true" || v === "1");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().default("0.0.0.0"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  APP_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgresql://")
    .optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  MIRAGE_DATA_DIR: z.string().default(".data"),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  ENCRYPTION_KEY: z.string().optional(),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(10, "must be at least 10 characters").optional(),
  ADMIN_NAME: z.string().default("Administrador"),
  ORGANIZATION_NAME: z.string().default("Minha empresa"),
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SIGN_IN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  SIGN_IN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(30),
  SIGN_IN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(4),
  TRUST_PROXY: boolean.default(false),
});

export type Env = z.infer<typeof schema> & {
  DATABASE_URL: string;
  AUTH_SECRET: string;
  APP_URL: string;
  dataDir: string;
  databaseIsEmbedded: boolean;
};

export class ConfigError extends Error {}

/** Parses process.env; on a problem throws one ConfigError naming the setting and the fix. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ConfigError(
      `Setting ${issue.path.join(".")} is invalid: ${issue.message}. Fix it in .env (see .env.example).`,
    );
  }
  const env = result.data;
  const dataDir = path.resolve(env.MIRAGE_DATA_DIR);
  const secrets = readLocalSecrets(dataDir);
  const databaseIsEmbedded = !env.DATABASE_URL;
  if (env.NODE_ENV === "production" && !databaseIsEmbedded && !env.AUTH_SECRET) {
    // With an external database several web processes may run: they must share one secret.
    throw new ConfigError(
      "Setting AUTH_SECRET is required in production with an external DATABASE_URL. Generate one with `openssl rand -base64 32`.",
    );
  }
  const authSecret = env.AUTH_SECRET ?? secrets?.authSecret;
  if (!authSecret) {
    throw new ConfigError(
      "Setting AUTH_SECRET is missing and no generated secret exists yet. Run `npm start` once or set AUTH_SECRET.",
    );
  }
  const databaseUrl =
    env.DATABASE_URL ??
    (secrets
      ? `postgresql://mirage:${encodeURIComponent(secrets.dbAppPassword)}@127.0.0.1:${env.EMBEDDED_PG_PORT}/mirage`
      : undefined);
  if (!databaseUrl) {
    throw new ConfigError(
      "Setting DATABASE_URL is not set and the embedded database was never started. Run `npm start` or set DATABASE_URL.",
    );
  }
  return {
    ...env,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: authSecret,
    ENCRYPTION_KEY: env.ENCRYPTION_KEY ?? secrets?.encryptionKey,
    APP_URL: env.APP_URL ?? `http://localhost:${env.PORT}`,
    dataDir,
    databaseIsEmbedded,
  };
}

/** Loads `.env` from the working directory once; variables already set win. */
export function loadDotEnv(): void {
  if (existsSync(".env")) process.loadEnvFile(".env");
}

let cached: Env | undefined;
/** The process's settings, parsed on first use. */
export function env(): Env {
  if (!cached) {
    loadDotEnv();
    cached = parseEnv();
  }
  return cached;
}
