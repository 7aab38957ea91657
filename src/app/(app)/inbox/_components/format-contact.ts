/** `Maria da Silva` → `MS`; a phone-number title → its last two digits. */
export function initialsOf(title: string): string {
  const words = title
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return "?";
  if (/^\d+$/.test(words.join(""))) return words.join("").slice(-2);
  const first = words[0]!;
  const last = words.length > 1 ? words[words.length - 1]! : "";
  return (first[0]! + (last[0] ?? first[1] ?? "")).toUpperCase();
}

/**
 * `+5511987654321` → `+55 11 98765-4321` (Brazilian numbers, which most contacts are); anything else
 * is shown as stored (E.164).
 */
export function formatPhone(phone: string | null): string {
  if (!phone) return "";
  const brazil = /^\+55(\d{2})(\d{4,5})(\d{4})$/.exec(phone);
  return brazil ? `+55 ${brazil[1]} ${brazil[2]}-${brazil[3]}` : phone;
}

const sizeFormat = new Map<string, Intl.NumberFormat>();

/** `2048` → `2 KB`, `21495808` → `20,5 MB` (binary units, as phones show them). */
export function formatBytes(bytes: number | null, locale: string): string {
  if (bytes === null) return "";
  let format = sizeFormat.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    sizeFormat.set(locale, format);
  }
  if (bytes >= 1024 * 1024) return `${format.format(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${format.format(bytes / 1024)} KB`;
  return `${bytes} B`;
}
