import type { ChatApps, ChatAppsPatch } from '../../../domain/chat-apps/chat-apps-schemas.js';
import { request } from '../../../portal-widget/src/api/http.js';

export type { ChatApps, ChatAppsPatch };

export const getChatApps = () => request<ChatApps>('/api/v1/admin/chat-apps');
/** A secret left out is kept, null removes it. */
export const patchChatApps = (patch: ChatAppsPatch) => request<ChatApps>('/api/v1/admin/chat-apps', { method: 'PATCH', body: patch });
