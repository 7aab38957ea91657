import { generateSecret, generateURI, verify } from "otplib";

const PERIOD_SECONDS = 30;
/** One step either side, for a phone clock a little off and a code typed as it changes. */
const TOLERANCE_SECONDS = PERIOD_SECONDS;

export const ISSUER = "Mirage";

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(label: string, secret: string): string {
  return generateURI({ issuer: ISSUER, label, secret });
}

/** The time step a 6-digit code is valid for now, or null when it matches none in the tolerance. */
export async function acceptedTotpStep(secret: string, code: string): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({ secret, token: code, epochTolerance: TOLERANCE_SECONDS, period: PERIOD_SECONDS });
  return result.valid && "timeStep" in result ? result.timeStep : null;
}
