import type { Language } from '../../i18n/languages.js';
import { t } from '../../i18n/translate.js';

/** A message about an action request, stored as its key and values so that each reader gets it in their language. */
export type ActionDetail = { key: string; params?: Record<string, string | number> };

export function encodeActionDetail(detail: ActionDetail): string {
  return JSON.stringify(detail);
}

export function renderActionDetail(stored: string | null, language: Language): string | undefined {
  if (!stored) return undefined;
  try {
    const detail = JSON.parse(stored) as ActionDetail;
    return t(language, detail.key, detail.params);
  } catch {
    return undefined;
  }
}
