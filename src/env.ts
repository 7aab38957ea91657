import { createHmac } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { readLocalSecrets } from "./server/db/secrets";

/**
 * Every setting Mirage reads, validated once. Shared by the web server, the worker and scripts.
 * `.env.example` documents each one; keep the two in step.
 */
const boolean = z.enum(["true", "false", "1", "0", ""]).transform((v) => v === "true" || v === "1");

const hostList = z
  .string()
  .default("")
  .transform((list) =>
    list
      .split(",")
      .map((host) =>
        host
          .trim()
          .toLowerCase()
          .replace(/^\[|\]$/g, ""),
      )
      .filter(Boolean),
  );

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
  /**
   * Key of the erased-person suppression hashes (base64). Unset: derived from ENCRYPTION_KEY. `npm run
   * keys:rotate` pins the old derivation here (or in secrets.json), since hashes cannot be recomputed.
   */
  SUPPRESSION_KEY: z.string().optional(),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(10, "must be at least 10 characters").optional(),
  ADMIN_NAME: z.string().default("Administrador"),
  ORGANIZATION_NAME: z.string().default("Minha empresa"),
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SIGN_IN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  SIGN_IN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(30),
  SIGN_IN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  /** Successful sign-ins from more distinct addresses than this within the window hold the account. */
  SIGN_IN_MAX_DISTINCT_IPS: z.coerce.number().int().min(1).default(5),
  SIGN_IN_IP_WINDOW_MINUTES: z.coerce.number().int().min(1).default(60),
  /** Exports (downloads of personal data) and deleted contacts per member within the window before a hold. */
  MEMBER_EXPORTS_PER_WINDOW: z.coerce.number().int().min(1).default(20),
  MEMBER_DELETIONS_PER_WINDOW: z.coerce.number().int().min(1).default(100),
  MEMBER_ACTION_WINDOW_MINUTES: z.coerce.number().int().min(1).default(10),
  /** How long a hold lasts when the organization has no other admin or owner to confirm it. */
  MEMBER_HOLD_COOLDOWN_MINUTES: z.coerce.number().int().min(1).default(60),
  /** API calls (tRPC) per member per organization per minute, shared by every web process. */
  RATE_LIMIT_API_PER_MINUTE: z.coerce.number().int().min(10).default(1200),
  /** Authenticated webhook deliveries per instance per minute (Evolution sends a few per second at most). */
  RATE_LIMIT_WEBHOOK_PER_MINUTE: z.coerce.number().int().min(60).default(6000),
  /** Requests per client address per minute to public routes (sign-in, invitation, password reset). */
  RATE_LIMIT_PUBLIC_PER_MINUTE: z.coerce.number().int().min(5).default(60),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(4),
  /** How long a stop waits for web, worker and simulator before killing them (see scripts/stop-processes.ts). */
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(1).max(600).default(10),
  TRUST_PROXY: boolean.default(false),
  EVOLUTION_API_URL: z.url().optional(),
  // Read straight from process.env by src/server/observability/start-tracing.ts (before anything loads);
  // declared here so a malformed value fails the start with the usual message.
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  MIRAGE_RELEASE: z.string().max(100).optional(),
  EVOLUTION_API_KEY: z.string().min(1).optional(),
  SIMULATOR_PORT: z.coerce.number().int().min(1).max(65535).default(8089),
  WEBHOOK_BASE_URL: z.url().optional(),
  WEBHOOK_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(40 * 1024 * 1024),
  /** Benchmarks only: enables /api/bench/raw-intake (a "Next route + one INSERT" baseline). */
  MIRAGE_BENCH_ROUTES: boolean.default(false),
  WEBHOOK_DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(8),
  WEBHOOK_DB_QUEUE_MAX: z.coerce.number().int().min(0).max(10_000).default(256),
  WEBHOOK_DB_WAIT_MS: z.coerce.number().int().min(10).max(60_000).default(2000),
  INSTANCE_DOWN_ALERT_MINUTES: z.coerce.number().int().min(1).default(10),
  INSTANCE_RECONNECT_MAX_DELAY_SECONDS: z.coerce.number().int().min(10).default(900),
  EVOLUTION_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
  EVOLUTION_CIRCUIT_FAILURES: z.coerce.number().int().min(1).default(5),
  EVOLUTION_CIRCUIT_COOLDOWN_SECONDS: z.coerce.number().int().min(1).default(30),
  MEDIA_STORE: z.enum(["local", "s3"]).default("local"),
  MEDIA_DIR: z.string().optional(),
  MEDIA_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(2 * 1024 * 1024 * 1024)
    .default(16 * 1024 * 1024),
  S3_ENDPOINT: z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }).optional(),
  S3_REGION: z.string().default("us-east-1"),
  S3_BUCKET: z.string().optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: boolean.optional(),
  /**
   * Host names (or IP literals) an AI provider may have although they are loopback or private addresses, e.g. a
   * self-hosted Ollama: `localhost,ollama.internal`. Every other private address is refused (SSRF).
   */
  AI_PROVIDER_PRIVATE_HOSTS: hostList,
  /** Like AI_PROVIDER_PRIVATE_HOSTS, for alert webhooks (an internal chat server). */
  ALERT_WEBHOOK_PRIVATE_HOSTS: hostList,
  /** Alerts, invitations and reset links are e-mailed through this SMTP server (`smtp://user:pass@host:587`, `smtps://…`); unset: no e-mail. */
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional(),
  /** Where `npm run backup` and the `backup.run` schedule write backups; default `<MIRAGE_DATA_DIR>/backups`. */
  BACKUP_DIR: z.string().optional(),
  /** pg-boss cron (UTC) of the scheduled backup; `off` disables it. */
  BACKUP_CRON: z.string().default("30 3 * * *"),
  /** Backups kept; older ones are deleted after each successful backup. */
  BACKUP_RETENTION_COUNT: z.coerce.number().int().min(1).max(1000).default(7),
  /** Each finished backup is also uploaded to this bucket (retention applies there too); unset: local folder only. */
  BACKUP_S3_BUCKET: z.string().optional(),
  /** Key prefix of the uploaded backups in BACKUP_S3_BUCKET. */
  BACKUP_S3_PREFIX: z
    .string()
    .regex(/^([A-Za-z0-9._-]+\/)*$/, "must be folder names each ending in /, e.g. mirage-backups/")
    .default("mirage-backups/"),
  /** The backup bucket's endpoint, region and credentials; each unset one falls back to its S3_* setting. */
  BACKUP_S3_ENDPOINT: z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }).optional(),
  BACKUP_S3_REGION: z.string().optional(),
  BACKUP_S3_ACCESS_KEY_ID: z.string().optional(),
  BACKUP_S3_SECRET_ACCESS_KEY: z.string().optional(),
  BACKUP_S3_FORCE_PATH_STYLE: boolean.optional(),
  /** Folder with pg_dump/pg_restore of the external database's major version, when not in PATH or /usr/lib/postgresql. */
  MIRAGE_PG_BIN_DIR: z.string().optional(),
  /** Strict-Transport-Security max-age, sent only when APP_URL is https://; 0 sends none. */
  HSTS_MAX_AGE_SECONDS: z.coerce.number().int().min(0).default(15_552_000),
  /** The From of alert e-mail. */
  SMTP_FROM: z.string().default("Mirage <alerts@mirage.local>"),
  /** Recorded errors are also sent to this Sentry-compatible DSN (Sentry, GlitchTip); unset: kept here only. */
  SENTRY_DSN: z.url().optional(),
  /** App queries slower than this (ms) are listed with their plan in Configurações → Desempenho; 0: off. */
  SLOW_QUERY_MS: z.coerce.number().int().min(0).default(500),
  /** E-mails of the people who see system-wide errors (no organization) in Configurações → Erros. */
  PLATFORM_ADMIN_EMAILS: z
    .string()
    .default("")
    .transform((list) =>
      list
        .split(",")
        .map((email) => email.trim().toLowerCase())
        .filter(Boolean),
    ),
});

export interface S3Settings {
  /** Unset: AWS's own endpoint for the region. */
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `https://endpoint/bucket/key` instead of `https://bucket.endpoint/key` (MinIO and most S3-compatibles). */
  forcePathStyle: boolean;
}

/** Where finished backups are uploaded: a bucket and a key prefix (`mirage-backups/`). */
export type BackupS3Settings = S3Settings & { prefix: string };

/** Where message attachments are kept, and the largest one accepted. */
export type MediaSettings = { maxBytes: number } & ({ store: "local"; dir: string } | { store: "s3"; s3: S3Settings });

export type Env = z.infer<typeof schema> & {
  DATABASE_URL: string;
  AUTH_SECRET: string;
  ENCRYPTION_KEY: string;
  /** The suppression hashes' HMAC key, base64 (see SUPPRESSION_KEY). */
  suppressionKey: string;
  APP_URL: string;
  dataDir: string;
  databaseIsEmbedded: boolean;
  /** Where Evolution API is reached; the bundled simulator unless EVOLUTION_API_URL is set. */
  evolution: { url: string; apiKey: string; isSimulator: boolean };
  /** Base URL Evolution POSTs webhooks to. */
  webhookBaseUrl: string;
  media: MediaSettings;
  backupDir: string;
  /** Null: backups stay in BACKUP_DIR only. */
  backupS3: BackupS3Settings | null;
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
  const encryptionKey = env.ENCRYPTION_KEY ?? secrets?.encryptionKey;
  if (!encryptionKey || Buffer.from(encryptionKey, "base64").length !== 32) {
    throw new ConfigError(
      "Setting ENCRYPTION_KEY must be 32 bytes in base64. Generate one with `openssl rand -base64 32`.",
    );
  }
  if (Boolean(env.EVOLUTION_API_URL) !== Boolean(env.EVOLUTION_API_KEY)) {
    throw new ConfigError(
      "Settings EVOLUTION_API_URL and EVOLUTION_API_KEY go together: set both to use a real Evolution API, or neither to use the simulator.",
    );
  }
  const evolution = env.EVOLUTION_API_URL
    ? { url: env.EVOLUTION_API_URL.replace(/\/+$/, ""), apiKey: env.EVOLUTION_API_KEY!, isSimulator: false }
    : { url: `http://127.0.0.1:${env.SIMULATOR_PORT}`, apiKey: secrets?.simulatorApiKey ?? "", isSimulator: true };
  const media = mediaSettings(env, dataDir);
  return {
    ...env,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: authSecret,
    ENCRYPTION_KEY: encryptionKey,
    suppressionKey: env.SUPPRESSION_KEY ?? secrets?.suppressionKey ?? derivedSuppressionKey(encryptionKey),
    APP_URL: env.APP_URL ?? `http://localhost:${env.PORT}`,
    dataDir,
    databaseIsEmbedded,
    evolution,
    webhookBaseUrl: (env.WEBHOOK_BASE_URL ?? env.APP_URL ?? `http://127.0.0.1:${env.PORT}`).replace(/\/+$/, ""),
    media,
    backupDir: path.resolve(env.BACKUP_DIR ?? path.join(dataDir, "backups")),
    backupS3: backupS3Settings(env),
  };
}

/** The suppression key an installation has used since before keys:rotate existed: derived from its encryption key. */
export function derivedSuppressionKey(encryptionKey: string): string {
  return createHmac("sha256", encryptionKey).update("mirage.suppression.v1").digest("base64");
}

function mediaSettings(env: z.infer<typeof schema>, dataDir: string): MediaSettings {
  const maxBytes = env.MEDIA_MAX_BYTES;
  if (env.MEDIA_STORE === "local") {
    return { maxBytes, store: "local", dir: path.resolve(env.MEDIA_DIR ?? path.join(dataDir, "media")) };
  }
  const missing = (["S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const).filter((name) => !env[name]);
  if (missing.length > 0) {
    throw new ConfigError(
      `Setting MEDIA_STORE=s3 needs ${missing.join(", ")}. Set them (see .env.example) or use MEDIA_STORE=local.`,
    );
  }
  return {
    maxBytes,
    store: "s3",
    s3: {
      endpoint: env.S3_ENDPOINT?.replace(/\/+$/, ""),
      region: env.S3_REGION,
      bucket: env.S3_BUCKET!,
      accessKeyId: env.S3_ACCESS_KEY_ID!,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
      // Custom endpoints (MinIO, Supabase Storage, …) mostly serve path-style only.
      forcePathStyle: env.S3_FORCE_PATH_STYLE ?? Boolean(env.S3_ENDPOINT),
    },
  };
}

/** The media and backup-bucket settings alone, for `npm run restore` (which runs before the database it needs exists). */
export function parseStorageSettings(source: Record<string, string | undefined> = process.env) {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success)
    throw new ConfigError(`Invalid settings: ${parsed.error.issues.map((i) => i.path.join(".")).join(", ")}`);
  const dataDir = path.resolve(parsed.data.MIRAGE_DATA_DIR);
  return { media: mediaSettings(parsed.data, dataDir), backupS3: backupS3Settings(parsed.data) };
}

function backupS3Settings(env: z.infer<typeof schema>): BackupS3Settings | null {
  if (!env.BACKUP_S3_BUCKET) return null;
  const accessKeyId = env.BACKUP_S3_ACCESS_KEY_ID ?? env.S3_ACCESS_KEY_ID;
  const secretAccessKey = env.BACKUP_S3_SECRET_ACCESS_KEY ?? env.S3_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) {
    throw new ConfigError(
      "Setting BACKUP_S3_BUCKET needs BACKUP_S3_ACCESS_KEY_ID and BACKUP_S3_SECRET_ACCESS_KEY (or S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY). Set them (see .env.example).",
    );
  }
  const endpoint = (env.BACKUP_S3_ENDPOINT ?? env.S3_ENDPOINT)?.replace(/\/+$/, "");
  return {
    endpoint,
    region: env.BACKUP_S3_REGION ?? env.S3_REGION,
    bucket: env.BACKUP_S3_BUCKET,
    prefix: env.BACKUP_S3_PREFIX,
    accessKeyId,
    secretAccessKey,
    forcePathStyle: env.BACKUP_S3_FORCE_PATH_STYLE ?? env.S3_FORCE_PATH_STYLE ?? Boolean(endpoint),
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
