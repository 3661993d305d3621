import type { MessageKey } from '../i18n/i18n';

/** Translates a key (the `t` of `useT`). */
type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

const RFM_CELL = /^R([1-3])F([1-3])M([1-3])$/;

/** The scores of an RFM cell key, or null for any other key. */
export function parseRfmCell(cell: string): { r: number; f: number; m: number } | null {
  const match = RFM_CELL.exec(cell);
  if (!match) return null;
  return { r: Number(match[1]), f: Number(match[2]), m: Number(match[3]) };
}

/** "R3 F1 M2 — recent, rare, mid value": the code a marketer knows, then what it means. */
export function rfmCellName(cell: string, t: Translate): string {
  const scores = parseRfmCell(cell);
  if (!scores) return cell;
  return t('segments.rfm.cellName', {
    code: `R${scores.r} F${scores.f} M${scores.m}`,
    r: t(`segments.rfm.r${scores.r}` as MessageKey),
    f: t(`segments.rfm.f${scores.f}` as MessageKey),
    m: t(`segments.rfm.m${scores.m}` as MessageKey),
  });
}

const STAGES = ['new', 'former-new', 'best', 'former-best', 'highest-potential'] as const;

/** A lifecycle stage's name ("Former best"), or the key itself for a stage the builder does not know. */
export function stageName(stage: string, t: Translate): string {
  return (STAGES as readonly string[]).includes(stage) ? t(`segments.stage.${stage}` as MessageKey) : stage;
}

/** The name people read for any segment key: an RFM cell, a stage, overdue, or the saved name. */
export function segmentDisplayName(key: string, t: Translate, savedName?: string): string {
  if (parseRfmCell(key)) return rfmCellName(key, t);
  if (key === 'overdue') return t('segments.overdue');
  if ((STAGES as readonly string[]).includes(key)) return stageName(key, t);
  return savedName ?? key;
}

/** The label of a lifecycle day column: "0–30", "31–60", …, "450+". */
export function dayColumnLabel(dayColumns: readonly number[], column: number): string {
  const upper = dayColumns[column];
  const lower = column === 0 ? 0 : dayColumns[column - 1]! + 1;
  return upper === undefined ? `${lower - 1}+` : `${lower}–${upper}`;
}

/** The label of a purchase-count row: "1", "2", …, "5+". */
export function purchaseRowLabel(purchaseRows: number, row: number): string {
  return row === purchaseRows ? `${row}+` : String(row);
}
