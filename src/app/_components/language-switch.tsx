"use client";

import { SegmentedControl } from "@mantine/core";
import { useLocale } from "next-intl";
import { useRouter } from "next/navigation";
import { LOCALE_COOKIE, type Locale } from "~/i18n/locales";

export function LanguageSwitch() {
  const locale = useLocale();
  const router = useRouter();
  return (
    <SegmentedControl
      aria-label="Idioma / Language"
      size="xs"
      value={locale}
      data={[
        { value: "pt-BR", label: "Português" },
        { value: "en", label: "English" },
      ]}
      onChange={(value) => {
        document.cookie = `${LOCALE_COOKIE}=${value as Locale}; path=/; max-age=31536000; samesite=lax`;
        router.refresh();
      }}
    />
  );
}
