import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, toLocale } from "./locales";

// No locale in URLs: the choice lives in a cookie, Portuguese by default.
export default getRequestConfig(async () => {
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return {
    locale,
    messages: (await import(`./messages/${locale}.json`)).default,
    timeZone: "America/Sao_Paulo",
  };
});
