import { createHmac } from "node:crypto";

const base64Url = (value: string | Buffer): string => Buffer.from(value).toString("base64url");

/**
 * The token Evolution puts in `Authorization: Bearer` when a webhook's headers hold `jwt_key`
 * (`jwt.sign({iat, exp: iat + 600, app: "evolution", action: "webhook"}, key, {algorithm: "HS256"})`).
 */
export function webhookJwt(secret: string, nowMs = Date.now()): string {
  const iat = Math.floor(nowMs / 1000);
  const header = base64Url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const payload = base64Url(JSON.stringify({ iat, exp: iat + 600, app: "evolution", action: "webhook" }));
  const signature = base64Url(createHmac("sha256", secret).update(`${header}.${payload}`).digest());
  return `${header}.${payload}.${signature}`;
}
