import type { AddCommentInput } from '../../../domain/tickets/ticket-schemas.js';

type FileUpload = NonNullable<AddCommentInput['attachments']>[number];

function base64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: one call with millions of arguments overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The files chosen in a form as a comment carries them; the server decides which it accepts, by their content. */
export async function encodeFiles(files: Iterable<File>): Promise<FileUpload[]> {
  return Promise.all([...files].map(async (file) => ({ filename: file.name, content: base64(new Uint8Array(await file.arrayBuffer())) })));
}
