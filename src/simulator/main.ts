/**
 * `npm run simulator`: runs the Evolution API simulator until SIGINT/SIGTERM.
 * Env: SIMULATOR_API_KEY (required), SIMULATOR_PORT (8089), SIMULATOR_HOST (127.0.0.1), SIMULATOR_STATE_FILE,
 * SIMULATOR_QR_INTERVAL_MS, SIMULATOR_WEBHOOK_RETRY_BASE_MS.
 */
import { startSimulator } from "./server.ts";

function numberFromEnv(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`evolution-simulator: ${name} must be a non-negative integer, got "${raw}"`);
    process.exit(1);
  }
  return value;
}

const apiKey = process.env.SIMULATOR_API_KEY;
if (!apiKey) {
  console.error("evolution-simulator: set SIMULATOR_API_KEY");
  process.exit(1);
}

const simulator = await startSimulator({
  apiKey,
  port: numberFromEnv("SIMULATOR_PORT") ?? 8089,
  host: process.env.SIMULATOR_HOST || "127.0.0.1",
  stateFile: process.env.SIMULATOR_STATE_FILE || undefined,
  qrIntervalMs: numberFromEnv("SIMULATOR_QR_INTERVAL_MS"),
  webhookRetryBaseMs: numberFromEnv("SIMULATOR_WEBHOOK_RETRY_BASE_MS"),
});
console.log(`evolution-simulator: listening on ${simulator.url} (control page: ${simulator.url}/_control)`);

const stop = () => {
  simulator.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
