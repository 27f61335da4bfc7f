// The portal's UI strings, from GET /api/v1/i18n/:lang, in the signed-in user's language (the browser's before that).
let messages = {};

export const LANGUAGES = ['en', 'fr', 'de', 'es', 'it'];

export const tr = (key) => messages[key] ?? key;

/** Loads the language's strings and fills every element marked data-i18n (text) or data-i18n-<attribute>. */
export async function loadMessages(lang) {
  const answer = await fetch(`/api/v1/i18n/${lang}`);
  if (answer.ok) messages = (await answer.json()).messages;
  document.documentElement.lang = lang;
  translateTree(document);
}

export function translateTree(root) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = tr(el.dataset.i18n);
  for (const attribute of ['aria-label', 'placeholder', 'title']) {
    const data = `data-i18n-${attribute}`;
    for (const el of root.querySelectorAll(`[${data}]`)) el.setAttribute(attribute, tr(el.getAttribute(data)));
  }
}

export function browserLanguage() {
  const lang = (navigator.language || 'en').slice(0, 2);
  return LANGUAGES.includes(lang) ? lang : 'en';
}
