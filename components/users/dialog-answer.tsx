"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { useAnnounce } from "./status";

/**
 * A Manage Users dialog's form, answered. With JavaScript, success closes the dialog and says
 * `success()` in the status region; the tab refreshes behind it either way (a refusal stays in
 * the dialog). The callbacks are read when the answer comes, not reacted to.
 */
export function useDialogAnswer(state: { ok: boolean } | null, onClose: () => void, success: () => string) {
  const router = useRouter();
  const announce = useAnnounce();
  const latest = useRef({ onClose, success });
  latest.current = { onClose, success };
  useEffect(() => {
    if (!state) return;
    if (state.ok) {
      latest.current.onClose();
      announce(latest.current.success());
    }
    router.refresh();
  }, [state, announce, router]);
}

/** What a dialog's form did when posted without JavaScript, where the form was, and the way back to the tab. */
export function DialogOutcome({ text, page }: { text: string; page: string }) {
  return (
    <>
      <Alert tone="success">{text}</Alert>
      <a href={page} className={buttonClass("secondary")}>
        Close
      </a>
    </>
  );
}
