"use client";

import { useState } from "react";
import type { UseFormRegister } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { RegisteredProvider } from "@/lib/requests/directory";
import type { AccessRequestInput } from "@/lib/requests/schemas";
import { ProviderSearchDialog } from "./provider-search-dialog";

const SEARCH_BUTTON_ID = "provider-search-button";

function MagnifyingGlass() {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 20 20" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2">
      <circle cx="8.5" cy="8.5" r="5.5" />
      <path d="m13 13 4.5 4.5" strokeLinecap="round" />
    </svg>
  );
}

/**
 * NPI or Provider Details: type the NPI or the Provider name, or choose from the search dialog
 * (which sets the hidden providerId). Editing either field after choosing drops the choice.
 */
export function ProviderDetailsFields({
  register,
  errors,
  selected,
  onChoose,
  onForget,
  onClear,
}: {
  register: UseFormRegister<AccessRequestInput>;
  errors: Record<string, string | undefined>;
  selected: RegisteredProvider | null;
  /** Fill NPI, Provider name and providerId from the search. */
  onChoose: (p: RegisteredProvider) => void;
  /** Drop providerId, keep what was typed. */
  onForget: () => void;
  /** Drop providerId and empty NPI and Provider name. */
  onClear: () => void;
}) {
  const [searching, setSearching] = useState(false);
  const forgetChoice = () => {
    if (selected) onForget();
  };
  return (
    <>
      <p id="provider-details-hint" className="mb-3 text-sm text-slate-600">
        Enter the NPI, search for the provider, or enter the Provider name.
      </p>
      <div className="grid gap-x-4 sm:grid-cols-2">
        <div className="flex items-start gap-2">
          <TextField
            id="npi"
            label="NPI"
            className="mb-4 flex-1"
            inputMode="numeric"
            autoComplete="off"
            maxLength={10}
            error={errors.npi}
            aria-describedby="provider-details-hint"
            {...register("npi", { onChange: forgetChoice })}
          />
          <Button
            id={SEARCH_BUTTON_ID}
            variant="secondary"
            className="mt-6 h-[42px] w-[42px] shrink-0 px-0!"
            aria-label="Search for a provider"
            aria-haspopup="dialog"
            aria-describedby="provider-search-note"
            title="Search for a provider"
            onClick={() => setSearching(true)}
          >
            <MagnifyingGlass />
          </Button>
        </div>
        <TextField
          id="providerName"
          label="Provider name"
          autoComplete="off"
          maxLength={200}
          error={errors.providerName}
          aria-describedby="provider-details-hint"
          {...register("providerName", { onChange: forgetChoice })}
        />
      </div>
      <input type="hidden" {...register("providerId")} />
      <p id="provider-search-note" className="mb-3 text-sm text-slate-600">
        Providers not currently registered in the web portal will not show up in the list.
      </p>
      <div aria-live="polite">
        {selected ? (
          <p className="mb-4 flex flex-wrap items-center gap-x-3 rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-slate-800">
            <span>
              Selected: <strong>{selected.name}</strong> (NPI {selected.npi})
            </span>
            <Button
              variant="link"
              onClick={() => {
                onClear();
                document.getElementById(SEARCH_BUTTON_ID)?.focus();
              }}
            >
              Clear selection
            </Button>
          </p>
        ) : null}
      </div>
      {searching ? (
        <ProviderSearchDialog
          onClose={() => setSearching(false)}
          onChoose={(p) => {
            onChoose(p);
            setSearching(false);
          }}
        />
      ) : null}
    </>
  );
}
