"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { buttonClass } from "@/components/ui/button";

export function SignOutButton({ className }: { className?: string }) {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      disabled={busy}
      className={className ?? buttonClass("secondary")}
      onClick={async () => {
        setBusy(true);
        await signOut({ callbackUrl: "/login?signedOut=1" });
      }}
    >
      Sign out
    </button>
  );
}
