// A printable A4 sheet: a toolbar on screen (print, back, the masking hint) that never prints,
// the page itself in black on white, and the print stylesheet (A4 portrait, 15 mm margins).
// Print routes render outside the app shell (routes.tsx `bare`), so no menu or header prints.
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, Button, Flex, Spin } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useActor } from '../../api/session.ts';
import { formatDateTime } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';

const PRINT_CSS = `
@page { size: A4; margin: 15mm; }
.print-sheet { width: 210mm; min-height: 297mm; margin: 16px auto; padding: 15mm; background: #fff; color: #000;
  box-shadow: 0 0 8px rgba(0,0,0,.15); font-size: 12pt; line-height: 1.5; box-sizing: border-box; }
.print-sheet h1 { text-align: center; font-size: 20pt; margin: 0 0 4mm; letter-spacing: .2em; }
.print-sheet h2 { font-size: 13pt; margin: 6mm 0 2mm; border-bottom: 1px solid #000; }
.print-sheet table { width: 100%; border-collapse: collapse; }
.print-sheet th, .print-sheet td { border: 1px solid #000; padding: 1.5mm 2mm; text-align: left; vertical-align: top; font-size: 10.5pt; }
.print-sheet th { background: #f2f2f2; white-space: nowrap; font-weight: 600; }
.print-sheet .meta { display: flex; justify-content: space-between; font-size: 9.5pt; margin-bottom: 3mm; }
.print-sheet .signs { display: flex; justify-content: space-between; margin-top: 12mm; gap: 8mm; }
.print-sheet .signs span { flex: 1; border-bottom: 1px solid #000; padding-bottom: 6mm; }
.print-sheet .ant-btn { padding: 0 2px; height: auto; }
@media print {
  body, html, #root { background: #fff !important; }
  .no-print, .print-sheet .ant-btn { display: none !important; }
  .print-sheet { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
  .print-sheet tr, .print-sheet h2 { break-inside: avoid; }
}`;

export function PrintSheet({
  title,
  loading,
  error,
  children,
}: {
  title: string;
  loading?: boolean;
  error?: unknown;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const actor = useActor();
  return (
    <div style={{ background: '#f0f0f0', minHeight: '100vh', padding: '1px 0' }}>
      <style>{PRINT_CSS}</style>
      <Flex className="no-print" gap={8} wrap align="center" style={{ maxWidth: '210mm', margin: '16px auto 0' }}>
        <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => navigate(-1)}>
          {t('print.back')}
        </Button>
        <Button type="primary" icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()} disabled={loading || !!error}>
          {t('print.print')}
        </Button>
        <Alert type="info" showIcon message={t('print.hint')} style={{ flex: 1, minWidth: 240 }} />
      </Flex>
      <article className="print-sheet" aria-label={title}>
        {loading ? (
          <Spin />
        ) : error ? (
          <Alert type="error" message={error instanceof Error ? error.message : String(error)} />
        ) : (
          <>
            <h1>{title}</h1>
            <div className="meta">
              <span>{actor.org?.name ?? actor.area.name}</span>
              <span>{t('print.printedBy', { name: actor.displayName, at: formatDateTime(new Date().toISOString()) })}</span>
            </div>
            {children}
          </>
        )}
      </article>
    </div>
  );
}

/** A row of label/value pairs in a bordered table: `[[label, value], …]`, two pairs a row. */
export function Fields({ pairs }: { pairs: [string, ReactNode][] }) {
  const rows: [string, ReactNode][][] = [];
  for (let i = 0; i < pairs.length; i += 2) rows.push(pairs.slice(i, i + 2));
  return (
    <table>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            {r.map(([label, value], j) => (
              <FieldCells key={j} label={label} value={value} wide={r.length === 1} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function FieldCells({ label, value, wide }: { label: string; value: ReactNode; wide: boolean }) {
  return (
    <>
      <th style={{ width: '16%' }}>{label}</th>
      <td colSpan={wide ? 3 : 1} style={{ width: wide ? undefined : '34%' }}>
        {value ?? '—'}
      </td>
    </>
  );
}

export function Signatures({ labels }: { labels: string[] }) {
  const { t } = useI18n();
  return (
    <div className="signs">
      {labels.map((l) => (
        <span key={l}>
          {l}
          <br />
          <small>{t('print.date')}</small>
        </span>
      ))}
    </div>
  );
}
