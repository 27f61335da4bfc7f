import type { AttachmentView } from '../../../domain/tickets/ticket-schemas.js';
import { attachmentUrl } from '../api/tickets.js';

/** A file's size as people read it, in the reader's language: "820 B", "12 kB", "1.4 MB". */
export function fileSize(bytes: number, language: string): string {
  const [value, unit] = bytes < 1024 ? [bytes, 'byte'] : bytes < 1024 * 1024 ? [bytes / 1024, 'kilobyte'] : [bytes / (1024 * 1024), 'megabyte'];
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
}

/**
 * A ticket's files as download links, each named by its file and followed by its size; nothing when it has none.
 * `open` replaces the browser's own download where the link alone cannot carry the sign-in (the embedded widget's
 * bearer token).
 */
export function AttachmentList(props: {
  ticketId: string;
  files: AttachmentView[] | undefined;
  title: string;
  language: string;
  headingLevel: 2 | 3;
  class: string;
  open?: (file: AttachmentView, href: string) => void;
}) {
  if (!props.files || props.files.length === 0) return null;
  const Heading = props.headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section class={`attachments ${props.class}`} aria-labelledby="ticket-attachments-title">
      <Heading id="ticket-attachments-title">{props.title}</Heading>
      <ul class="attachment-list">
        {props.files.map((file) => {
          const href = attachmentUrl(props.ticketId, file.id);
          return (
            <li key={file.id}>
              <a
                href={href}
                download={file.filename}
                onClick={
                  props.open &&
                  ((event) => {
                    event.preventDefault();
                    props.open!(file, href);
                  })
                }
              >
                {file.filename}
              </a>{' '}
              <span class="attachment-size">{fileSize(file.size, props.language)}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
