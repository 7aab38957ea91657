"use client";

import { Badge, CloseButton } from "@mantine/core";

export function TagBadge(props: {
  tag: { id: string; name: string; color: string };
  size?: "xs" | "sm";
  onRemove?: () => void;
  removeLabel?: string;
}) {
  return (
    <Badge
      color={props.tag.color}
      variant="light"
      size={props.size ?? "xs"}
      radius="sm"
      data-testid="tag-badge"
      data-tag-id={props.tag.id}
      rightSection={
        props.onRemove && (
          <CloseButton size="xs" variant="transparent" aria-label={props.removeLabel} onClick={props.onRemove} />
        )
      }
      style={{ textTransform: "none" }}
    >
      {props.tag.name}
    </Badge>
  );
}
