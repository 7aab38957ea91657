import { startTracing } from "../server/observability/start-tracing";

// Imported first by main.ts: the SDK must patch http and pg before anything else loads them.
startTracing("worker");
