import type { ConnectionState, InstancePurpose } from "../../db/generated/enums";

export interface InstanceDto {
  id: string;
  name: string;
  description: string | null;
  purpose: InstancePurpose;
  dailySendLimit: number;
  state: ConnectionState;
  stateReason: number | null;
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
