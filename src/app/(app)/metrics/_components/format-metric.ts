/** A duration in seconds in the unit a person reads best (seconds, minutes, hours, days), in the locale. */
export function formatDuration(locale: string, seconds: number): string {
  const [value, unit] =
    seconds < 60
      ? [seconds, "second"]
      : seconds < 3600
        ? [seconds / 60, "minute"]
        : seconds < 86400
          ? [seconds / 3600, "hour"]
          : [seconds / 86400, "day"];
  return new Intl.NumberFormat(locale, {
    style: "unit",
    unit,
    unitDisplay: "short",
    maximumFractionDigits: unit === "second" || unit === "minute" ? 0 : 1,
  }).format(value);
}

/** Relative change from the previous period; null when there is nothing to compare with. */
export function relativeChange(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return (current - previous) / previous;
}
