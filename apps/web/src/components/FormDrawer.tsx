// The one form drawer: a form validated with a core zod schema, save and cancel, a server
// problem shown on its fields, a stale write (409) reloading the record, and a confirm before
// unsaved changes are thrown away.
import type { ReactNode } from 'react';
import { App, Button, Drawer, Form, Grid, Space, type FormInstance } from 'antd';
import type { z } from 'zod';
import { useProblem, validateWith } from '../api/forms.ts';
import { useI18n } from '../i18n/index.tsx';

/** What the drawer needs of a mutation hook's result. */
export interface DrawerSave<B, R> {
  mutate: (body: B, opts: { onSuccess: (result: R) => void; onError: (e: Error) => void }) => void;
  isPending: boolean;
}

export interface FormDrawerProps<V, S extends z.ZodType, R> {
  title: ReactNode;
  form: FormInstance<V>;
  /** The core schema the body must pass (the server parses it with the same one). */
  schema: S;
  /** Form values → the input of `schema` (adds the version, drops read-only fields…). */
  toInput?: (values: V) => unknown;
  /** The save: a mutation hook of src/api/<domain>.ts. */
  save: DrawerSave<z.infer<S>, R>;
  onClose: () => void;
  /** After a successful save (before the drawer closes). */
  onSaved?: (result: R) => void;
  /** A stale write (409): reload what the form edits. */
  onConflict?: () => void;
  /** Shown after a save; `saved` by default. */
  savedText?: string;
  /** The save button's label; `save` by default. */
  saveText?: string;
  readOnly?: boolean;
  initialValues?: Partial<V>;
  children: ReactNode;
}

export function FormDrawer<V, S extends z.ZodType, R>(props: FormDrawerProps<V, S, R>) {
  const { title, form, schema, toInput, save, onClose, onSaved, onConflict, savedText, saveText, readOnly, initialValues, children } =
    props;
  const { t, lang } = useI18n();
  const { message, modal } = App.useApp();
  const showProblem = useProblem();
  const wide = Grid.useBreakpoint().md;

  const submit = (values: V) => {
    const body = validateWith(schema, toInput ? toInput(values) : values, form, lang);
    if (!body) return;
    save.mutate(body, {
      onSuccess: (result) => {
        message.success(savedText ?? t('saved'));
        onSaved?.(result);
        onClose();
      },
      onError: (e) => showProblem(e, form, onConflict),
    });
  };

  // Closing with edits asks first; an untouched or read-only form just closes.
  const close = () => {
    if (readOnly || !form.isFieldsTouched()) return onClose();
    modal.confirm({
      title: t('form.discardTitle'),
      okText: t('form.discard'),
      okButtonProps: { danger: true },
      cancelText: t('form.keepEditing'),
      onOk: onClose,
    });
  };

  return (
    <Drawer
      open
      title={title}
      size={wide ? 520 : '100%'}
      onClose={close}
      destroyOnHidden
      extra={
        readOnly ? null : (
          <Space>
            <Button onClick={close}>{t('cancel')}</Button>
            <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
              {saveText ?? t('save')}
            </Button>
          </Space>
        )
      }
    >
      <Form<V> form={form} layout="vertical" onFinish={submit} disabled={readOnly} initialValues={initialValues}>
        {children}
      </Form>
    </Drawer>
  );
}
