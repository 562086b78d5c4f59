// Client-side validation with the core zod schemas, and server problems mapped onto forms.
import { App, type FormInstance } from 'antd';
import { checkPassword, isMessageKey, translate, type Lang, type PasswordPolicy } from '@wushe/core';
import type { z } from 'zod';
import { tr, useI18n } from '../i18n/index.tsx';
import { ApiError } from './client.ts';

function issueText(lang: Lang, message: string): string {
  if (isMessageKey(message)) return translate(lang, message);
  return tr(lang, 'field.invalid');
}

/** Validates `values` with a core schema; on failure marks the fields and returns null. */
export function validateWith<S extends z.ZodType>(schema: S, values: unknown, form: FormInstance, lang: Lang): z.infer<S> | null {
  const res = schema.safeParse(values);
  if (res.success) return res.data;
  const byField = new Map<string, string[]>();
  for (const issue of res.error.issues) {
    const field = String(issue.path[0] ?? '');
    if (!field) continue;
    const list = byField.get(field) ?? [];
    list.push(issueText(lang, issue.message));
    byField.set(field, list);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors: [...new Set(errors)] })));
  return null;
}

/** An antd rule that checks a password against the installation policy. */
export function passwordRule(lang: Lang, policy: PasswordPolicy | undefined) {
  return {
    validator: async (_: unknown, value: string | undefined) => {
      if (!value) return;
      const key = checkPassword(value, policy);
      if (key) throw new Error(translate(lang, key, { min: policy?.minLength ?? 8, classes: policy?.minClasses ?? 3 }));
    },
  };
}

/**
 * Shows a failed call: field errors onto the form, the detail as a message; a stale write
 * (409) calls `onConflict` so the page reloads the record.
 */
export function useProblem() {
  const { message } = App.useApp();
  const { t } = useI18n();
  return (err: unknown, form?: FormInstance, onConflict?: () => void) => {
    if (!(err instanceof ApiError)) {
      message.error(t('networkError'));
      return;
    }
    // Session problems (401, forced password change) are handled by the shell.
    if (err.status === 401) return;
    const { problem } = err;
    if (form && problem.errors?.length) {
      form.setFields(problem.errors.map((e) => ({ name: e.path.split('.')[0] ?? '', errors: [e.message] })).filter((f) => f.name));
    }
    message.error(problem.detail ?? problem.title);
    if (err.status === 409) onConflict?.();
  };
}

type NamePath = (string | number)[];

/** "householdMembers.0.phone" → ['householdMembers', 0, 'phone'], with aliases for paths no field carries. */
function toNamePath(path: string, alias: Record<string, NamePath>): NamePath {
  if (alias[path]) return alias[path];
  return path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** Marks nested fields from `{path, message}` errors (server problems or zod issues). */
export function applyFieldErrors(
  form: FormInstance,
  errors: { path: string; message: string }[],
  alias: Record<string, NamePath> = {},
): void {
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  for (const e of errors) {
    const name = toNamePath(e.path, alias);
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, errors: [] };
    if (!entry.errors.includes(e.message)) entry.errors.push(e.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
}

/** Like validateWith, but marks nested fields (Form.List rows, sub-objects) too. */
export function validateDeep<S extends z.ZodType>(
  schema: S,
  values: unknown,
  form: FormInstance,
  lang: Lang,
  alias: Record<string, NamePath> = {},
): z.infer<S> | null {
  const res = schema.safeParse(values);
  if (res.success) return res.data;
  applyFieldErrors(
    form,
    res.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: issueText(lang, i.message) })),
    alias,
  );
  return null;
}
