import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getSessionIdentity } from "~/server/auth/session";
import { getOrganization } from "~/server/domain/organizations/get-organization";
import { LOCALE_COOKIE, toLocale } from "./locales";

const DEFAULT_TIME_ZONE = "America/Sao_Paulo";

/** A member sees times in their organization's zone; the sign-in page (no session) in Brazil's. */
async function requestTimeZone(): Promise<string> {
  const identity = await getSessionIdentity().catch(() => null);
  if (!identity) return DEFAULT_TIME_ZONE;
  const organization = await getOrganization(identity).catch(() => null);
  return organization?.timezone ?? DEFAULT_TIME_ZONE;
}

// No locale in URLs: the choice lives in a cookie, Portuguese by default.
export default getRequestConfig(async () => {
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return {
    locale,
    messages: (await import(`./messages/${locale}.json`)).default,
    timeZone: await requestTimeZone(),
    // One "now" for the server render and hydration, so relative times ("há 5 minutos") match and
    // next-intl has a global default; components that tick pass `useNow({ updateInterval })`.
    now: new Date(),
  };
});
