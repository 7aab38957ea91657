import { randomBytes } from "node:crypto";

/** Evolution API v2 webhook bodies (contract §10–11), for tests that feed the pipeline directly. */
export function envelope(event: string, instance: string, data: unknown) {
  return {
    event,
    instance,
    data,
    destination: "http://127.0.0.1/webhook",
    date_time: new Date().toISOString(),
    sender: "5511900000000@s.whatsapp.net",
    server_url: "http://127.0.0.1:8080",
    apikey: null,
  };
}

export const newMessageId = () => `3EB0${randomBytes(8).toString("hex").toUpperCase()}`;

export interface KeyOptions {
  remoteJid: string;
  remoteJidAlt?: string;
  participant?: string;
  participantAlt?: string;
  fromMe?: boolean;
  id?: string;
}

export function textUpsert(
  instance: string,
  key: KeyOptions,
  text: string,
  options: { pushName?: string; timestamp?: number; event?: "messages.upsert" | "send.message" } = {},
) {
  return envelope(options.event ?? "messages.upsert", instance, {
    key: { fromMe: false, ...key, id: key.id ?? newMessageId() },
    pushName: options.pushName ?? "Maria",
    status: key.fromMe ? "PENDING" : "DELIVERY_ACK",
    message: { conversation: text },
    messageType: "conversation",
    messageTimestamp: options.timestamp ?? Math.floor(Date.now() / 1000),
    instanceId: "00000000-0000-0000-0000-000000000000",
    source: "android",
  });
}

export function statusUpdate(instance: string, keyId: string, remoteJid: string, status: string) {
  return envelope("messages.update", instance, {
    keyId,
    remoteJid,
    fromMe: true,
    status,
    instanceId: "00000000-0000-0000-0000-000000000000",
  });
}
