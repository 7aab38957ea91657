import { whatsappProviderOfKind } from "../../src/server/whatsapp";

/**
 * Posts bodies to an instance's webhook URL with the secret headers Mirage registered at Evolution
 * (read back from the simulator, as Evolution would send them): the real intake path.
 */
export async function webhookPoster(providerName: string) {
  const webhook = await whatsappProviderOfKind("evolution").findWebhook(providerName);
  if (!webhook) throw new Error(`no webhook registered for ${providerName}`);
  return async (body: unknown): Promise<number> => {
    const response = await fetch(webhook.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...webhook.headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
    await response.arrayBuffer();
    return response.status;
  };
}
