"use client";

import { DatesProvider } from "@mantine/dates";
import dayjs from "dayjs";
import "dayjs/locale/pt-br";
import customParseFormat from "dayjs/plugin/customParseFormat";
import { useLocale } from "next-intl";
import type { ReactNode } from "react";
import { z } from "zod";

// zod probes `new Function` to compile fast parsers; the CSP forbids eval, so the browser skips the probe.
z.config({ jitless: true });

// Typed dates ("24/11/2025") are read in the shown format, not as ISO only.
dayjs.extend(customParseFormat);

/** Mantine's date pickers in the UI's language: month and weekday names, and Sunday first as in Brazil. */
export function LocaleDatesProvider({ children }: { children: ReactNode }) {
  const locale = useLocale();
  return (
    <DatesProvider settings={{ locale: locale === "pt-BR" ? "pt-br" : "en", firstDayOfWeek: 0 }}>
      {children}
    </DatesProvider>
  );
}
