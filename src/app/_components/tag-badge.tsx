"use client";

import { Badge, CloseButton } from "@mantine/core";

/** A tag as a small coloured badge (inbox, contacts, filters); removable where `onRemove` is given. */
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
      style={{ textTransform: "none", flexShrink: 0 }}
    >
      {props.tag.name}
    </Badge>
  );
}
