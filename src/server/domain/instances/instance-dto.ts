import type { ConnectionState, InstancePurpose } from "../../db/generated/enums";

export interface InstanceDto {
  id: string;
  name: string;
  description: string | null;
  purpose: InstancePurpose;
  dailySendLimit: number;
  state: ConnectionState;
  /** A neutral disconnect reason code (src/shared/instance-reasons.ts). */
  stateReason: string | null;
  phoneNumber: string | null;
  profileName: string | null;
  profilePictureUrl: string | null;
  lastEventAt: Date | null;
  downSince: Date | null;
  reconnectAttempts: number;
  nextReconnectAt: Date | null;
  createdAt: Date;
}

export function toInstanceDto(row: InstanceDto & Record<string, unknown>): InstanceDto {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    purpose: row.purpose,
    dailySendLimit: row.dailySendLimit,
    state: row.state,
    stateReason: row.stateReason,
    phoneNumber: row.phoneNumber,
    profileName: row.profileName,
    profilePictureUrl: row.profilePictureUrl,
    lastEventAt: row.lastEventAt,
    downSince: row.downSince,
    reconnectAttempts: row.reconnectAttempts,
    nextReconnectAt: row.nextReconnectAt,
    createdAt: row.createdAt,
  };
}

/** The columns an InstanceDto is made of, for queries that should read nothing more. */
export const instanceDtoSelect = {
  id: true,
  name: true,
  description: true,
  purpose: true,
  dailySendLimit: true,
  state: true,
  stateReason: true,
  phoneNumber: true,
  profileName: true,
  profilePictureUrl: true,
  lastEventAt: true,
  downSince: true,
  reconnectAttempts: true,
  nextReconnectAt: true,
  createdAt: true,
} as const;
