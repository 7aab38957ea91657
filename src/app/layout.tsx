import "@mantine/core/styles.css";
import "@mantine/dates/styles.css";
import "@mantine/notifications/styles.css";
import { ColorSchemeScript, MantineProvider, mantineHtmlProps } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages } from "next-intl/server";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { TrpcReactProvider } from "~/trpc/react";
import { ErrorReporter } from "./_components/error-reporter";
import { LocaleDatesProvider } from "./_components/locale-dates-provider";
import { theme } from "./theme";

export const metadata: Metadata = {
  title: "Mirage",
  description: "WhatsApp da sua equipe, num só lugar",
  icons: { icon: "/favicon.svg" },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const messages = await getMessages();
  // server.ts's CSP nonce: Mantine's colour-scheme script runs before hydration and needs it too.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang={locale} {...mantineHtmlProps}>
      <head>
        <ColorSchemeScript defaultColorScheme="auto" nonce={nonce} />
      </head>
      <body>
        <NextIntlClientProvider locale={locale} messages={messages}>
          <MantineProvider theme={theme} defaultColorScheme="auto">
            <LocaleDatesProvider>
              <Notifications position="top-right" />
              <ErrorReporter />
              <TrpcReactProvider>{children}</TrpcReactProvider>
            </LocaleDatesProvider>
          </MantineProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
