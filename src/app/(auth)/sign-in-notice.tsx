"use client";

import { Alert, Anchor, Stack } from "@mantine/core";
import { useTranslations } from "next-intl";
import Link from "next/link";
import type { ReactNode } from "react";

/** The way back to sign-in, under a form or after it is done. */
export function BackToSignIn() {
  const t = useTranslations("access");
  return (
    <Anchor component={Link} href="/sign-in" size="sm" data-testid="go-to-sign-in">
      {t("goToSignIn")}
    </Anchor>
  );
}

/** What an access form ends with (done, or not possible here): a notice and the way back to sign-in. */
export function SignInNotice(props: { color: string; testId?: string; children: ReactNode }) {
  return (
    <Stack>
      <Alert color={props.color} data-testid={props.testId}>
        {props.children}
      </Alert>
      <BackToSignIn />
    </Stack>
  );
}
