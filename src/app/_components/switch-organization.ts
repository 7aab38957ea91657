"use client";

import { getCsrfToken } from "next-auth/react";

/**
 * Moves the signed-in session to another of the person's organizations: next-auth's session update (what
 * `useSession().update` posts), which the jwt callback accepts only for an organization they belong to.
 */
export async function switchOrganization(organizationId: string): Promise<void> {
  const csrfToken = await getCsrfToken();
  const response = await fetch("/api/auth/session", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ csrfToken, data: { organizationId } }),
  });
  if (!response.ok) throw new Error(`session update failed: ${response.status}`);
}
