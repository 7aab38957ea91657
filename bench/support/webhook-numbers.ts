import { fork } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { withOrganization } from "../../src/server/db/tenant";
import { createInstance } from "../../src/server/domain/instances/create-instance";
import { whatsappProviderOfKind } from "../../src/server/whatsapp";
import type { BenchActor } from "./bench-organization";
import type { LoadPlan, LoadResult } from "./load";
import type { WebhookTarget } from "./payloads";

const here = path.dirname(fileURLToPath(import.meta.url));

/** Runs one load in a child process (autocannon's API would otherwise share this event loop). */
export async function runLoad(plan: LoadPlan): Promise<LoadResult> {
  const child = fork(path.join(here, "load.ts"), [], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const result = new Promise<LoadResult>((resolve, reject) => {
    child.once("message", (message) => resolve(message as LoadResult));
    child.once("exit", (code) => reject(new Error(`load generator exited with ${code} before reporting`)));
  });
  child.send(plan);
  return result;
}

/** Creates `count` numbers for the organization and returns where each one's webhooks are posted. */
export async function createWebhookNumbers(actor: BenchActor, count: number) {
  const numbers: { instanceId: string; target: WebhookTarget }[] = [];
  for (let i = 0; i < count; i++) {
    const instance = await createInstance(actor, {
      name: `Atendimento ${i + 1}`,
      purpose: "atendimento",
      dailySendLimit: 1000,
    });
    const providerName = await withOrganization(
      actor.organizationId,
      async (tx) => (await tx.instance.findUniqueOrThrow({ where: { id: instance.id } })).providerName,
    );
    const webhook = await whatsappProviderOfKind("evolution").findWebhook(providerName);
    if (!webhook) throw new Error(`no webhook registered for ${providerName}`);
    numbers.push({
      instanceId: instance.id,
      target: { path: new URL(webhook.url).pathname, headers: webhook.headers, providerName },
    });
  }
  return numbers;
}
