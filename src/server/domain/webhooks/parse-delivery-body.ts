/**
 * The parsed view of a raw webhook body. The stored bytes stay exactly as received; only this view is
 * cleaned: Postgres text cannot hold U+0000 and UTF-8 cannot hold lone surrogates, both of which valid
 * JSON may carry (`"\u0000"`, `"\ud800"`), so they are dropped or replaced before anything is stored.
 * Throws SyntaxError when the body is not JSON.
 */
export function parseDeliveryBody(raw: Uint8Array | string): unknown {
  const text = typeof raw === "string" ? raw : Buffer.from(raw).toString("utf8");
  return sanitize(JSON.parse(text));
}

function sanitize(value: unknown): unknown {
  if (typeof value === "string") return cleanString(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = sanitize(value[i]);
    return value;
  }
  if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const cleanKey = cleanString(key);
      const cleanValue = sanitize(record[key]);
      if (cleanKey !== key) delete record[key];
      record[cleanKey] = cleanValue;
    }
  }
  return value;
}

// Most strings are clean: test first so the common case allocates nothing.
const DIRTY = /[\u0000\ud800-\udfff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function cleanString(value: string): string {
  if (!DIRTY.test(value)) return value;
  return value.replaceAll("\u0000", "").replace(LONE_SURROGATE, "\ufffd");
}
