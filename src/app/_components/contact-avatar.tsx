"use client";

import { Avatar, type AvatarProps } from "@mantine/core";
import { IconUsersGroup } from "@tabler/icons-react";
import { initialsOf } from "~/shared/format/initials";

/**
 * A person's or group's avatar. The initials are ours (whole grapheme clusters): Mantine's own cut
 * "ليلى 🌙" into half an emoji.
 */
export function ContactAvatar({
  title,
  group = false,
  ...props
}: { title: string; group?: boolean; src?: string | null } & Omit<AvatarProps, "name" | "color">) {
  return (
    <Avatar color="initials" name={title} radius="xl" {...props} data-testid="contact-avatar">
      {group ? <IconUsersGroup size={20} /> : initialsOf(title)}
    </Avatar>
  );
}
