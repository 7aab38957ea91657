import { describe, expect, it } from "vitest";
import { textUpsert } from "../support/evolution-payloads";
import { connectedInboxFixture } from "../support/inbox-pipeline";
import { baseUrl, testEnv } from "../support/test-env";
import { webhookPoster } from "../support/webhook-post";

const PHONE = "5511987658231";
const OWN_NUMBER = "5511900007788";

async function scrape(): Promise<string> {
  const response = await fetch(`${baseUrl}/api/metrics`, {
    headers: { authorization: `Bearer ${testEnv.METRICS_TOKEN}` },
  });
  expect(response.status).toBe(200);
  return response.text();
}

/** Every label value of a Prometheus text exposition. */
const labelValues = (text: string) => [...text.matchAll(/[a-z_]+="((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!);

describe("business metrics on /api/metrics", () => {
  it("counts a number's inbound messages and opt-outs by instance id, never by phone or JID", async () => {
    const { instanceId, providerName } = await connectedInboxFixture(OWN_NUMBER);
    const post = await webhookPoster(providerName);
    const from = { remoteJid: `${PHONE}@s.whatsapp.net` };
    expect(await post(textUpsert(providerName, from, "Oi, tudo bem?"))).toBe(200);
    expect(await post(textUpsert(providerName, from, "SAIR"))).toBe(200);

    // The worker's counters reach the web process with its next heartbeat (every 10 s).
    let text = "";
    const ofInstance = async () => {
      text = await scrape();
      return text.split("\n").filter((line) => line.includes(instanceId));
    };
    await expect
      .poll(ofInstance, { timeout: 30_000, interval: 1_000 })
      .toEqual(
        expect.arrayContaining([
          `mirage_messages_total{direction="inbound",instance_id="${instanceId}"} 2`,
          `mirage_opt_outs_total{instance_id="${instanceId}"} 1`,
        ]),
      );
    expect(text).toMatch(new RegExp(`mirage_instance_connected\\{instance_id="${instanceId}"\\} 1\\b`));
    expect(text).toMatch(/mirage_webhook_ack_seconds_count\{status="200"\} [1-9]/);
    expect(text).toMatch(/mirage_ingestion_lag_seconds_count [1-9]/);
    expect(text).toMatch(/mirage_queue_oldest_job_age_seconds\{queue="webhooks.drain"\} /);
    expect(text).toMatch(/mirage_db_pool_waiting\{pool="prisma"\} \d/);
    expect(text).toMatch(/mirage_nodejs_eventloop_lag_seconds \d/);

    const values = labelValues(text);
    expect(values.length).toBeGreaterThan(50);
    const personal = values.filter(
      (v) =>
        v.includes(PHONE) ||
        v.includes(OWN_NUMBER) ||
        /@(s\.whatsapp\.net|g\.us|lid|c\.us)/.test(v) ||
        /^\+?\d{10,15}$/.test(v),
    );
    expect(personal).toEqual([]);
  });
});
