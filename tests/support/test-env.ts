import path from "node:path";

/** Settings shared by the test run's Postgres, web server, worker and test files. */
export const testEnv = {
  MIRAGE_DATA_DIR: path.resolve(".data/test"),
  EMBEDDED_PG_PORT: "54339",
  PORT: "3100",
  APP_URL: "http://localhost:3100",
  METRICS_TOKEN: "test-metrics-token-0123456789",
  LOG_LEVEL: "warn",
  SIGN_IN_MAX_FAILURES_PER_ACCOUNT: "5",
  SIGN_IN_MAX_FAILURES_PER_IP: "1000",
  SIMULATOR_PORT: "8099",
  EVOLUTION_CIRCUIT_COOLDOWN_SECONDS: "2",
} as const;

export const simulatorUrl = `http://127.0.0.1:${testEnv.SIMULATOR_PORT}`;

export const baseUrl = testEnv.APP_URL;
