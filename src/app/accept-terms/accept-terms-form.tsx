"use client";

import { Alert, Button, Checkbox, Stack } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";

export function AcceptTermsForm({ documentId }: { documentId: string }) {
  const t = useTranslations("legal.acceptTerms");
  const { messageOf } = useErrorWording();
  const trpc = useTRPC();
  const router = useRouter();
  const [agreed, setAgreed] = useState(false);
  const accept = useMutation(
    trpc.legal.acceptTerms.mutationOptions({
      onSuccess: () => {
        router.replace("/");
        router.refresh();
      },
      // A newer version was published meanwhile: the page reloads with it.
      onError: () => router.refresh(),
    }),
  );
  return (
    <Stack>
      {accept.error && (
        <Alert color="red" role="alert">
          {messageOf(accept.error, t("outdated"))}
        </Alert>
      )}
      <Checkbox
        checked={agreed}
        onChange={(event) => setAgreed(event.currentTarget.checked)}
        label={t("agree")}
        data-testid="terms-agree"
      />
      <Button disabled={!agreed} loading={accept.isPending} onClick={() => accept.mutate({ documentId })}>
        {t("accept")}
      </Button>
    </Stack>
  );
}
