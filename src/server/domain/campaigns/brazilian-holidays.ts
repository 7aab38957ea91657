/** Easter Sunday (Gregorian, anonymous algorithm) as [month (1-12), day]. */
function easter(year: number): [number, number] {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return [month, day];
}

const iso = (year: number, month: number, day: number) =>
  `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;

/**
 * Brazil's national holidays (Lei 662/1949, 6.802/1980, 14.759/2023) as YYYY-MM-DD: New Year,
 * Tiradentes, Labour Day, Independence, Aparecida, All Souls, Republic, Black Consciousness (from
 * 2024), Christmas, and Good Friday (moves with Easter). Carnival and Corpus Christi are optional
 * days off, not national holidays, and are not included.
 */
export function brazilianNationalHolidays(year: number): Set<string> {
  const fixed: [number, number][] = [
    [1, 1],
    [4, 21],
    [5, 1],
    [9, 7],
    [10, 12],
    [11, 2],
    [11, 15],
    [12, 25],
  ];
  if (year >= 2024) fixed.push([11, 20]);
  const [easterMonth, easterDay] = easter(year);
  const goodFriday = new Date(Date.UTC(year, easterMonth - 1, easterDay - 2));
  return new Set([
    ...fixed.map(([month, day]) => iso(year, month, day)),
    iso(year, goodFriday.getUTCMonth() + 1, goodFriday.getUTCDate()),
  ]);
}
