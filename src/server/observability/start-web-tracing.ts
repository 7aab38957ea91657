import { startTracing } from "./start-tracing";

// Imported first by server.ts: the SDK must patch http and pg before anything else loads them.
startTracing("web");
