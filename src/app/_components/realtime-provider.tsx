"use client";

import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { io, type Socket } from "socket.io-client";
import type { RealtimeEventName, ServerToClientEvents } from "~/shared/realtime";

type MirageSocket = Socket<ServerToClientEvents>;
interface RealtimeState {
  socket: MirageSocket | null;
  connected: boolean;
}
const RealtimeContext = createContext<RealtimeState>({ socket: null, connected: false });

/** One Socket.IO connection per tab, same origin, authenticated by the session cookie. */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<RealtimeState>({ socket: null, connected: false });
  const queryClient = useQueryClient();
  useEffect(() => {
    const socket: MirageSocket = io({ path: "/socket.io", transports: ["websocket", "polling"] });
    socket.on("connect", () => {
      setState({ socket, connected: true });
      // Events are at-most-once: whatever changed while this tab was not connected is refetched now.
      void queryClient.invalidateQueries();
    });
    socket.on("disconnect", () => setState({ socket, connected: false }));
    return () => {
      socket.close();
    };
  }, [queryClient]);
  return <RealtimeContext.Provider value={state}>{children}</RealtimeContext.Provider>;
}

export function useRealtimeStatus(): boolean {
  return useContext(RealtimeContext).connected;
}

/** Subscribes to one server event for the lifetime of the component. */
export function useRealtimeEvent<Name extends RealtimeEventName>(
  event: Name,
  handler: ServerToClientEvents[Name],
): void {
  const { socket } = useContext(RealtimeContext);
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (!socket) return;
    const listener = ((...args: Parameters<ServerToClientEvents[Name]>) =>
      (latest.current as (...a: typeof args) => void)(...args)) as never;
    socket.on(event, listener);
    return () => {
      socket.off(event, listener);
    };
  }, [socket, event]);
}
