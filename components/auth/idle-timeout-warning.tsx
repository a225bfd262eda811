"use client";

import { useEffect, useId, useState } from "react";
import { staySignedInAction } from "@/app/(portal)/session-actions";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { callAction } from "@/components/forms/server-errors";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

/** How long before the idle timeout the warning opens. */
export const IDLE_WARNING_MS = 2 * 60_000;
const EXPIRED_URL = "/login?expired=1";

// The freshest deadline this tab has heard from the server. A page restored from the router cache
// (Back) carries an older render, whose deadline would be later than the truth: it is ignored.
let latest = { serverNow: 0, end: 0 };
function browserDeadline(deadline: number, serverNow: number): number {
  if (serverNow > latest.serverNow) latest = { serverNow, end: Date.now() + (deadline - serverNow) };
  return latest.end;
}

const clockText = (ms: number) => {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
};

/**
 * The idle-timeout warning on every signed-in page (PortalShell). The server renders the session's
 * idle deadline with its own "now", and the browser counts down the difference, so a wrong clock
 * on the PC does not matter. `warnMs` before the deadline an alert dialog offers "Stay signed in"
 * (touches the session on the server and closes) and "Sign out"; at the deadline the page goes to
 * /login?expired=1, where the server, which has seen the same idle time, says the session ended.
 * Every server render (a navigation, a refresh) brings a new deadline and restarts the count.
 */
export function IdleTimeoutWarning({ deadline, now, warnMs = IDLE_WARNING_MS }: { deadline: number; now: number; warnMs?: number }) {
  // The deadline on the browser's clock; null until mounted (nothing renders on the server).
  const [end, setEnd] = useState<number | null>(null);
  const [msLeft, setMsLeft] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const descriptionId = useId();

  useEffect(() => setEnd(browserDeadline(deadline, now)), [deadline, now]);

  useEffect(() => {
    if (end === null) return;
    let timer: ReturnType<typeof setTimeout>;
    const check = () => {
      const left = end - Date.now();
      if (left <= 0) {
        window.location.assign(EXPIRED_URL);
        return;
      }
      if (left > warnMs) {
        setMsLeft(null);
        timer = setTimeout(check, left - warnMs);
      } else {
        setMsLeft(left);
        // Wake on each whole second for the countdown.
        timer = setTimeout(check, left % 1000 || 1000);
      }
    };
    check();
    return () => clearTimeout(timer);
  }, [end, warnMs]);

  const stay = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    const r = await callAction(staySignedInAction);
    setBusy(false);
    if ("unexpected" in r) return setError("The portal could not be reached, so your session was not extended. Check your connection and try again.");
    if (!r.ok) return window.location.assign(EXPIRED_URL);
    latest = { ...latest, end: Date.now() + r.msLeft };
    setEnd(latest.end);
  };

  if (msLeft === null) return null;
  const minutes = Math.round(warnMs / 60_000);
  return (
    // Escape or Close counts as an answer: the person is here, so they stay signed in.
    <Dialog title="Your session is about to end" onClose={stay} alert describedBy={descriptionId}>
      <p id={descriptionId} className="text-slate-800">
        You have not used the portal for a while. For your security, you will be signed out in {minutes} {minutes === 1 ? "minute" : "minutes"} unless you choose Stay signed in.
      </p>
      {/* role="timer" is not a live region: the countdown is there to look at, never read out each second. */}
      <p className="mt-3 text-slate-700">
        Time left: <span role="timer" className="font-semibold tabular-nums text-slate-900">{clockText(msLeft)}</span>
      </p>
      {error ? (
        <p role="alert" className="mt-3 font-medium text-red-700">
          {error}
        </p>
      ) : null}
      <div className="mt-5 flex flex-wrap gap-3">
        <Button onClick={stay} disabled={busy}>
          {busy ? "Staying signed in…" : "Stay signed in"}
        </Button>
        <SignOutButton />
      </div>
    </Dialog>
  );
}
