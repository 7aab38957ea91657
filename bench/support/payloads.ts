import { chatText, mobileDigits, personName, rng } from "./text";

/** One instance as the load generator sees it: where its webhook is and what Evolution calls it. */
export interface WebhookTarget {
  /** Path on the target server, e.g. /api/webhooks/evolution/<org>/<instance>. */
  path: string;
  headers: Record<string, string>;
  providerName: string;
}

/**
 * Builds Evolution API v2 `messages.upsert` bodies (the shape of tests/support/evolution-payloads.ts):
 * each with a new WhatsApp message id, from one of `contacts` people, to one of the targets.
 */
export function upsertBodies(options: { contacts: number; seed: number; runTag: string; outboundShare?: number }) {
  const random = rng(options.seed);
  const outboundShare = options.outboundShare ?? 0.15;
  let counter = 0;
  return (target: WebhookTarget): string => {
    counter++;
    const contact = Math.floor(random() * options.contacts);
    const fromMe = random() < outboundShare;
    const digits = mobileDigits(contact);
    const now = new Date();
    return JSON.stringify({
      event: "messages.upsert",
      instance: target.providerName,
      data: {
        key: {
          remoteJid: `${digits}@s.whatsapp.net`,
          fromMe,
          id: `3EB0${options.runTag}${counter.toString(16).toUpperCase().padStart(10, "0")}`,
        },
        pushName: fromMe ? "Loja" : personName(contact),
        status: fromMe ? "SERVER_ACK" : "DELIVERY_ACK",
        message: { conversation: chatText(random, fromMe) },
        messageType: "conversation",
        messageTimestamp: Math.floor(now.getTime() / 1000),
        instanceId: "00000000-0000-0000-0000-000000000000",
        source: "android",
      },
      destination: "http://127.0.0.1/webhook",
      date_time: now.toISOString(),
      sender: "5511900000000@s.whatsapp.net",
      server_url: "http://127.0.0.1:8080",
      apikey: null,
    });
  };
}
