import path from "node:path";

/**
 * Ports move by MIRAGE_TEST_PORT_OFFSET so that several checkouts on one machine (git worktrees) can run
 * their suites at the same time without sharing a database or a web server.
 */
const offset = Number(process.env.MIRAGE_TEST_PORT_OFFSET ?? 0);
export const testPort = (base: number) => String(base + offset);
const port = testPort;

/** Settings shared by the test run's Postgres, web server, worker and test files. */
export const testEnv = {
  MIRAGE_DATA_DIR: path.resolve(".data/test"),
  EMBEDDED_PG_PORT: port(54339),
  PORT: port(3100),
  APP_URL: `http://localhost:${port(3100)}`,
  METRICS_TOKEN: "test-metrics-token-0123456789",
  LOG_LEVEL: "warn",
  SIGN_IN_MAX_FAILURES_PER_ACCOUNT: "5",
  SIGN_IN_MAX_FAILURES_PER_IP: "1000",
  // Every test signs in from loopback; the public-route limit is tested by using up a key's points.
  RATE_LIMIT_PUBLIC_PER_MINUTE: "100000",
  SIMULATOR_PORT: port(8099),
  EVOLUTION_CIRCUIT_COOLDOWN_SECONDS: "2",
  // The OpenAI-compatible test server listens on loopback; "localhost" stays unlisted to test the guard.
  AI_PROVIDER_PRIVATE_HOSTS: "127.0.0.1",
  // tests/integration/tracing.test.ts listens here while it runs; other files' spans are simply dropped.
  OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port(4318)}`,
  ALERT_WEBHOOK_PRIVATE_HOSTS: "127.0.0.1",
  // The alerts test listens here with a real SMTP server (smtp-server).
  SMTP_URL: `smtp://127.0.0.1:${port(2525)}`,
  // tests/integration/error-tracking.test.ts listens here with a Sentry envelope endpoint while it runs.
  SENTRY_DSN: `http://miragetestkey@127.0.0.1:${port(9400)}/7`,
  PLATFORM_ADMIN_EMAILS: "platform-admin@mirage.test",
} as const;

export const simulatorUrl = `http://127.0.0.1:${testEnv.SIMULATOR_PORT}`;

export const baseUrl = testEnv.APP_URL;
