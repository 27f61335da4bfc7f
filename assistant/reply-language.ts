import type { Language } from '../i18n/languages.js';
import { detectLanguage } from '../kb-index/language/detect-language.js';

// Below this many words a message ("ok", "Zoom", "1002") says nothing reliable about its language.
const MIN_WORDS = 3;
const MIN_CONFIDENCE = 0.5;

/** The message's own language when it is clearly one of ours, else the user's chosen language. */
export async function replyLanguage(text: string, userLanguage: Language): Promise<Language> {
  if (text.trim().split(/\s+/).length < MIN_WORDS) return userLanguage;
  const detected = await detectLanguage(text);
  return detected && detected.confidence >= MIN_CONFIDENCE ? detected.lang : userLanguage;
}
