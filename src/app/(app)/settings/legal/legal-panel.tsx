"use client";

import { Stack } from "@mantine/core";
import { EncarregadoForm } from "./encarregado-form";
import { IncidentsPanel } from "./incidents-panel";
import { LegalDocuments } from "./legal-documents";
import { OptInForms } from "./opt-in-forms";
import { ProcessingRecord } from "./processing-record";

/** Configurações → Legal (admins): encarregado, terms and policy, record of processing, incidents, opt-in forms. */
export function LegalPanel() {
  return (
    <Stack gap="xl">
      <EncarregadoForm />
      <LegalDocuments />
      <ProcessingRecord />
      <IncidentsPanel />
      <OptInForms />
    </Stack>
  );
}
