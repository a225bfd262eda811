"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { useHydrated } from "@/components/forms/use-hydrated";
import { buttonClass } from "@/components/ui/button";

export function SignOutButton({ className }: { className?: string }) {
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();
  return (
    <button
      type="button"
      disabled={busy || !hydrated}
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
