/**
 * Error text as it may be stored and shown: whatever could be a person's data or a secret is replaced
 * by a placeholder. Messages and stacks come from anywhere (a provider's answer, a browser), so this
 * is a blunt filter on shapes, not a list of known fields.
 */
const credentials: [RegExp, string][] = [
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, "$1 <token>"],
  [
    /\b(api[_-]?key|apikey|token|secret|password|passwd|authorization|signature)(["']?\s*[:=]\s*["']?)(?!Bearer\b|Basic\b|<token>)[^\s"'&,;]+/gi,
    "$1$2<token>",
  ],
];

/** Shapes of personal data and opaque secrets, checked around record ids (see `uuid`). */
const shapes: [RegExp, string][] = [
  // JSON web tokens and long opaque strings with letters and digits (keys, hashes, base64); long
  // identifiers and file paths have no digits or are cut by "/" and ".".
  [/\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, "<token>"],
  [/(?=[A-Za-z+_-]*\d)(?=[\d+_-]*[A-Za-z])[A-Za-z0-9+_-]{32,}={0,2}/g, "<token>"],
  // WhatsApp addresses and phone numbers: 8+ digits, optionally with + and separators.
  [/\+?\d[\d\s().-]{6,}\d(@[\w.]+)?/g, "<phone>"],
  [/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, "<email>"],
];

/** Record ids (UUIDs) are kept: they name no one, and the token and phone shapes would eat them. */
const uuid = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i;

export function sanitizeErrorText(text: string, maxLength = 8_000): string {
  // Credentials first, whatever their shape: a key that is a UUID is still a key.
  let named = text.slice(0, maxLength * 2);
  for (const [pattern, replacement] of credentials) named = named.replace(pattern, replacement);
  const clean = named
    .split(uuid)
    .map((piece, index) => (index % 2 === 1 ? piece : scrub(piece)))
    .join("");
  return clean.slice(0, maxLength);
}

function scrub(piece: string): string {
  let clean = piece;
  for (const [pattern, replacement] of shapes) clean = clean.replace(pattern, replacement);
  return clean;
}

/** Context keys that may name a person's data or a secret are dropped whatever their value. */
const forbiddenKey =
  /phone|remote|participant|text|body|content|message|caption|name|email|token|secret|password|key|cookie|auth/i;

export type ErrorContext = Record<string, string | number | boolean | null>;

/** Ids and small facts only: at most 20 primitive values, their keys checked, their text sanitized. */
export function sanitizeErrorContext(context: Record<string, unknown> | undefined): ErrorContext {
  const clean: ErrorContext = {};
  for (const [key, value] of Object.entries(context ?? {}).slice(0, 20)) {
    if (key.length > 40 || forbiddenKey.test(key)) continue;
    if (typeof value === "string") clean[key] = sanitizeErrorText(value, 300);
    else if (typeof value === "number" || typeof value === "boolean" || value === null) clean[key] = value;
  }
  return clean;
}
