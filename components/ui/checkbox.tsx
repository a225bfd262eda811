import { forwardRef, type InputHTMLAttributes, type ReactNode } from "react";

type CheckboxProps = Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "className"> & { id: string; label: ReactNode; error?: string; required?: boolean };

/** A checkbox with its label, an asterisk when required, and its error tied by aria-describedby. */
export const CheckboxField = forwardRef<HTMLInputElement, CheckboxProps>(function CheckboxField({ id, label, error, required, ...rest }, ref) {
  return (
    <div className="mb-4">
      <div className="flex items-start gap-2">
        <input
          ref={ref}
          id={id}
          type="checkbox"
          aria-required={required || undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className="mt-1 h-5 w-5 rounded border-slate-400 text-brand-600 focus:ring-2 focus:ring-brand-600"
          {...rest}
        />
        <label htmlFor={id} className="text-slate-800">
          {label}
          {required ? (
            <span className="ml-0.5 text-red-700" aria-hidden="true">
              *
            </span>
          ) : null}
        </label>
      </div>
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
});
