"use client";

import { Alert, Button, PasswordInput, Stack, TextInput } from "@mantine/core";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter, useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";

const knownErrors = [
  "invalid_credentials",
  "rate_limited",
  "no_organization",
  "second_factor_required",
  "invalid_code",
  "sign_in_held",
] as const;
/** Answers that mean the password was right and the account asks for its second factor. */
const codeErrors = new Set<string>(["second_factor_required", "invalid_code"]);

export function SignInForm() {
  const t = useTranslations("signIn");
  const router = useRouter();
  const searchParams = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [askCode, setAskCode] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      code: String(form.get("code") ?? ""),
      redirect: false,
    });
    setPending(false);
    if (!result || result.error) {
      const code = knownErrors.find((known) => known === result?.error) ?? "unknown";
      if (codeErrors.has(code)) setAskCode(true);
      setError(t(code));
      return;
    }
    const target = searchParams.get("callbackUrl");
    router.replace(target?.startsWith("/") && !target.startsWith("//") ? target : "/");
    router.refresh();
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {error && (
          <Alert color="red" role="alert" data-testid="sign-in-error">
            {error}
          </Alert>
        )}
        <TextInput name="email" type="email" label={t("email")} autoComplete="username" required autoFocus />
        <PasswordInput name="password" label={t("password")} autoComplete="current-password" required />
        {askCode && (
          <TextInput name="code" label={t("code")} autoComplete="one-time-code" inputMode="text" required autoFocus />
        )}
        <Button type="submit" loading={pending} fullWidth>
          {t("submit")}
        </Button>
      </Stack>
    </form>
  );
}
