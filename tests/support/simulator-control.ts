import { readLocalSecrets } from "../../src/server/db/secrets";
import { simulatorUrl, testEnv } from "./test-env";

/** Drives the Evolution simulator's control API, as a person would on its control page. */
async function control(path: string, body?: unknown, method = "POST") {
  const apiKey = readLocalSecrets(process.env.MIRAGE_DATA_DIR ?? testEnv.MIRAGE_DATA_DIR)!.simulatorApiKey;
  const base = process.env.SIMULATOR_PORT ? `http://127.0.0.1:${process.env.SIMULATOR_PORT}` : simulatorUrl;
  const response = await fetch(`${base}/_control${path}`, {
    method: body === undefined && method === "GET" ? "GET" : method,
    headers: { apikey: apiKey, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`simulator ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

export const simulator = {
  scan: (name: string, body: { phoneNumber?: string; profileName?: string } = {}) =>
    control(`/instances/${name}/scan`, body),
  drop: (name: string, statusCode: number, stayDown = false) =>
    control(`/instances/${name}/drop`, { statusCode, stayDown }),
  outage: (down: boolean) => control("/outage", { down }),
  webhooks: (options: { duplicates?: boolean; reorder?: boolean; paused?: boolean; off?: boolean }) =>
    control("/webhooks", options),
  deliveries: (): Promise<{ event: string; instance: string; status: number | string }[]> =>
    control("/deliveries?limit=500", undefined, "GET"),
  /** A message arriving from WhatsApp (every type the simulator knows; see src/simulator/README.md). */
  inbound: (name: string, body: Record<string, unknown>): Promise<{ messageId: string; remoteJid: string }> =>
    control(`/instances/${name}/inbound`, body),
  ack: (name: string, messageId: string, status: "SERVER_ACK" | "DELIVERY_ACK" | "READ" | "PLAYED" | "ERROR") =>
    control(`/instances/${name}/ack`, { messageId, status }),
  sent: (
    name: string,
  ): Promise<{ messageId: string; to: string; remoteJid: string; type: string; text?: string; receivedAt: string }[]> =>
    control(`/instances/${name}/sent`, undefined, "GET"),
  /** The next `times` media downloads (getBase64FromMediaMessage) fail as an expired file does. */
  failMedia: (name: string, times: number) => control(`/instances/${name}/fail-media`, { times }),
  failSends: (name: string, body: { mode: string | null; numbers?: string[]; times?: number }) =>
    control(`/instances/${name}/fail-sends`, body),
};
