const sizeFormat = new Map<string, Intl.NumberFormat>();

/** `2048` → `2 KB`, `21495808` → `20,5 MB` in pt-BR (binary units, as phones show them). */
export function formatBytes(bytes: number | null, locale: string): string {
  if (bytes === null) return "";
  let format = sizeFormat.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    sizeFormat.set(locale, format);
  }
  if (bytes >= 1024 * 1024) return `${format.format(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${format.format(bytes / 1024)} KB`;
  return `${format.format(bytes)} B`;
}
