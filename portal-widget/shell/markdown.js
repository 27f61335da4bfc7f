// The small Markdown subset the assistant writes: paragraphs and line breaks, **bold**, "- " and "1. " lists, and links
// to KB articles (/kb/…) or http(s) pages. It builds DOM nodes whose text is only ever set through text nodes, so
// nothing in a message can become markup: HTML in a message is shown as the characters it is made of.

const BULLET = /^\s*[-*•]\s+(.*)$/;
const NUMBERED = /^\s*(\d{1,4})[.)]\s+(.*)$/;
const INLINE = /\*\*(.+?)\*\*|\[([^\]\n]+)\]\(([^()\s]+)\)/g;

/** The link target when it is a KB article of this portal or an http(s) page; anything else is not a link. */
export function safeHref(url) {
  if (/^\/kb\/[\w\-.~%/]*(?:[?#][\w\-.~%=&#]*)?$/.test(url) && !url.includes('//') && !url.includes('..')) return url;
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'https:' || parsed.protocol === 'http:') return parsed.href;
  } catch {
    // Not an absolute URL.
  }
  return undefined;
}

function link(title, url, newTabLabel) {
  const href = safeHref(url);
  if (!href) return document.createTextNode(title);
  const a = document.createElement('a');
  a.href = href;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  a.textContent = title;
  if (newTabLabel) {
    const hint = document.createElement('span');
    hint.className = 'visually-hidden';
    hint.textContent = ` ${newTabLabel}`;
    a.append(hint);
  }
  return a;
}

/** **bold** and [title](url) in one line of text, as nodes appended to `parent`. */
function appendInline(parent, text, options) {
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    if (match.index > last) parent.append(text.slice(last, match.index));
    if (match[1] !== undefined) {
      const strong = document.createElement('strong');
      appendInline(strong, match[1], options);
      parent.append(strong);
    } else {
      parent.append(link(match[2], match[3], options.newTabLabel));
    }
    last = match.index + match[0].length;
  }
  if (last < text.length) parent.append(text.slice(last));
}

/**
 * The message as a fragment: blank lines separate paragraphs, single line breaks stay line breaks, runs of list items
 * become lists. `options.newTabLabel` is read by screen readers after links, which open in a new tab.
 */
export function renderMarkdown(text, options = {}) {
  const fragment = document.createDocumentFragment();
  let paragraph;
  let list;
  const close = () => {
    paragraph = undefined;
    list = undefined;
  };
  for (const line of String(text).replace(/\r\n?/g, '\n').split('\n')) {
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (bullet || numbered) {
      const tag = bullet ? 'UL' : 'OL';
      if (!list || list.tagName !== tag) {
        list = document.createElement(tag);
        if (numbered && numbered[1] !== '1') list.start = Number(numbered[1]);
        fragment.append(list);
      }
      paragraph = undefined;
      const item = document.createElement('li');
      appendInline(item, bullet ? bullet[1] : numbered[2], options);
      list.append(item);
    } else if (line.trim() === '') {
      close();
    } else {
      list = undefined;
      if (paragraph) paragraph.append(document.createElement('br'));
      else {
        paragraph = document.createElement('p');
        fragment.append(paragraph);
      }
      appendInline(paragraph, line, options);
    }
  }
  return fragment;
}
