import { randomBytes } from "node:crypto";

/** A fresh CSP nonce per page request: Next puts it on its own scripts, the layout on Mantine's. */
export function createNonce(): string {
  return randomBytes(16).toString("base64");
}

/**
 * The Content-Security-Policy of every response. Scripts only with this response's nonce (and what they
 * load, 'strict-dynamic'); styles from this origin plus inline ones, which Mantine writes as style
 * attributes and <style> elements. No framing anywhere (clickjacking), no plugins, forms post here only.
 * Images also from WhatsApp's CDN: the profile pictures of contacts and numbers are its (signed, expiring) URLs.
 * Development adds 'unsafe-eval' for React's dev tooling and hot reload.
 */
export function contentSecurityPolicy(options: { nonce: string; dev: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https://*.whatsapp.net",
    "font-src 'self' data:",
    "media-src 'self' blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Headers every response carries; HSTS only behind HTTPS (APP_URL https://), where a browser honours it. */
export function securityHeaders(options: {
  nonce: string;
  dev: boolean;
  https: boolean;
  hstsMaxAgeSeconds: number;
}): Record<string, string> {
  return {
    "content-security-policy": contentSecurityPolicy(options),
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "cross-origin-opener-policy": "same-origin",
    ...(options.https && options.hstsMaxAgeSeconds > 0
      ? { "strict-transport-security": `max-age=${options.hstsMaxAgeSeconds}; includeSubDomains` }
      : {}),
  };
}
