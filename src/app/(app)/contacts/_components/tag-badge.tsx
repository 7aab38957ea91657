"use client";

import { Badge } from "@mantine/core";
import type { ContactTagDto } from "./types";

export function TagBadge({ tag }: { tag: ContactTagDto }) {
  return (
    <Badge color={tag.color} variant="light" size="xs" radius="sm" style={{ textTransform: "none" }}>
      {tag.name}
    </Badge>
  );
}
