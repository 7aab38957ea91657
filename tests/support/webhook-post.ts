import { whatsappProviderOfKind } from "../../src/server/whatsapp";

/**
 * Posts bodies to an instance's webhook URL with the secret headers Mirage registered at Evolution
 * (read back from the simulator, as Evolution would send them): the real intake path. Answers the status
 * and the Retry-After header.
 */
export async function webhookSender(providerName: string) {
  const webhook = await whatsappProviderOfKind("evolution").findWebhook(providerName);
  if (!webhook) throw new Error(`no webhook registered for ${providerName}`);
  return async (body: unknown): Promise<{ status: number; retryAfter: string | null }> => {
    const response = await fetch(webhook.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...webhook.headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
    await response.arrayBuffer();
    return { status: response.status, retryAfter: response.headers.get("retry-after") };
  };
}

/** Like `webhookSender`, answering the status only. */
export async function webhookPoster(providerName: string) {
  const send = await webhookSender(providerName);
  return async (body: unknown): Promise<number> => (await send(body)).status;
}
