/**
 * scripts/stack.ts's stack in a process of its own, as a bench runs it, for tests/integration/shutdown.test.ts.
 * Settings come as JSON in STACK_ENV. Prints `ready <pids>` once up; SIGTERM stops the stack, after
 * which this process must end by itself: anything left open would keep it alive.
 */
import { startStack } from "../../scripts/stack";
import { db } from "../../src/server/db/client";
import { enqueue } from "../../src/server/jobs/enqueue";

const stack = await startStack({
  env: JSON.parse(process.env.STACK_ENV!) as Record<string, string>,
  log: (line) => console.log(`[stack] ${line}`),
});
// The connections a bench opens in its own process: Prisma's pool and pg-boss for enqueueing.
await db().$queryRaw`SELECT 1`;
await enqueue("system.heartbeat", {});
process.once("SIGTERM", () => void stack.stop().then(() => console.log("stopped")));
console.log(`ready ${JSON.stringify(stack.pids)}`);
