"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { regenerateRecoveryCodesAction } from "@/app/(portal)/settings/security/actions";
import { callAction, UNEXPECTED_ERROR } from "@/components/forms/server-errors";
import { RecoveryCodes } from "@/components/mfa/recovery-codes";
import { Button } from "@/components/ui/button";

export function RegenerateCodes() {
  const router = useRouter();
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (codes) return <RecoveryCodes codes={codes} doneLabel="Done" onDone={() => { setCodes(null); router.refresh(); }} />;
  return (
    <div>
      <Button
        variant="secondary"
        onClick={async () => {
          if (!window.confirm("Create new recovery codes? The old codes will stop working.")) return;
          const r = await callAction(() => regenerateRecoveryCodesAction());
          if ("unexpected" in r) return setError(UNEXPECTED_ERROR);
          if (!r.ok) return router.refresh();
          setCodes(r.codes);
        }}
      >
        Create new recovery codes
      </Button>
      {error ? <p role="alert" className="mt-1 text-sm text-red-700">{error}</p> : null}
    </div>
  );
}
