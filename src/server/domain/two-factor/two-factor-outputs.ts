import { z } from "../../../shared/zod";

export const startTwoFactorOutput = z.object({
  /** otpauth:// URI for authenticator apps, also drawn as the QR code. */
  otpauthUri: z.string(),
  /** The QR code as an SVG document, drawn on the server (nothing leaves the machine). */
  qrSvg: z.string(),
  /** The base32 secret, for typing in by hand. */
  secret: z.string(),
});

export const confirmTwoFactorOutput = z.object({ recoveryCodes: z.array(z.string()) });
export const twoFactorStatusOutput = z.object({ enabled: z.boolean(), recoveryCodesLeft: z.number().int() });
export const setTwoFactorRequirementOutput = z.object({ required: z.boolean() });
