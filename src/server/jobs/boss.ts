import { PgBoss } from "pg-boss";
import { deadLetterQueueName, queueNames, queues } from "./queues";

export const PGBOSS_SCHEMA = "pgboss";

type Role = "web" | "worker" | "install";

/**
 * A pg-boss instance for one role. Only `install` (run by the migration step) creates or upgrades
 * pg-boss's schema; only the worker supervises and runs cron; the web process only enqueues.
 */
export function createBoss(connectionString: string, role: Role): PgBoss {
  return new PgBoss({
    connectionString,
    schema: PGBOSS_SCHEMA,
    application_name: `mirage-${role}-pgboss`,
    max: role === "worker" ? 10 : 3,
    migrate: role === "install",
    createSchema: role === "install",
    supervise: role === "worker",
    schedule: role === "worker",
    persistQueueStats: role === "worker",
    useListenNotify: role === "worker",
  });
}

/** Installs or upgrades pg-boss and declares every queue with its policy and dead-letter queue. */
export async function installQueues(connectionString: string): Promise<void> {
  const boss = createBoss(connectionString, "install");
  boss.on("error", () => undefined);
  await boss.start();
  try {
    const existing = new Set((await boss.getQueues()).map((q) => q.name));
    for (const name of queueNames) {
      const { policy } = queues[name];
      const dead = deadLetterQueueName(name);
      if (!existing.has(dead)) await boss.createQueue(dead, { retentionSeconds: 30 * 86_400 });
      // notify: a new job wakes workers at once (LISTEN/NOTIFY) instead of at their next poll.
      if (existing.has(name)) {
        await boss.updateQueue(name, { ...policy, notify: queues[name].notify ?? true });
      } else {
        await boss.createQueue(name, {
          ...policy,
          policy: queues[name].queuePolicy ?? "standard",
          notify: queues[name].notify ?? true,
          deadLetter: dead,
        });
      }
    }
  } finally {
    await boss.stop({ graceful: false });
  }
}
