"use client";

import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";

type Announce = (message: string | null) => void;
interface StatusState {
  message: string | null;
  /** Counts announcements, so saying the same thing twice still moves focus. */
  seq: number;
}

const StatusContext = createContext<{ status: StatusState; announce: Announce } | null>(null);

/**
 * Manage Users' one status message: every action that succeeds (Approve, Deny, Make Admin, Revoke,
 * Restore, Edit, Invite, Resend, Cancel) says what it did in the StatusRegion, which takes focus so
 * the person, sighted or not, is told and does not fall back to the top of the page. It lives
 * above the page's content, so it survives the refresh that follows each action.
 */
export function ManageUsersStatus({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<StatusState>({ message: null, seq: 0 });
  const announce = useCallback<Announce>((message) => setStatus((s) => ({ message, seq: s.seq + 1 })), []);
  return <StatusContext.Provider value={{ status, announce }}>{children}</StatusContext.Provider>;
}

/** Says `message` in the Manage Users status region and moves focus there; null clears it. */
export function useAnnounce(): Announce {
  const ctx = useContext(StatusContext);
  if (!ctx) throw new Error("useAnnounce needs <ManageUsersStatus> around it");
  return ctx.announce;
}

/** The region itself: always in the page (a live region must exist before it speaks), visible when it has something to say. */
export function StatusRegion() {
  const ctx = useContext(StatusContext);
  const ref = useRef<HTMLDivElement>(null);
  const message = ctx?.status.message ?? null;
  const seq = ctx?.status.seq ?? 0;
  useEffect(() => {
    // After a dialog's own clean-up has handed focus back to its opener (effects run after clean-ups).
    if (message) ref.current?.focus();
  }, [message, seq]);
  return (
    <div
      ref={ref}
      role="status"
      tabIndex={-1}
      className={message ? "mb-4 rounded-md border border-green-300 bg-green-50 px-4 py-3 font-medium text-green-900" : undefined}
    >
      {message}
    </div>
  );
}
