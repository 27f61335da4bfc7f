// The small Markdown subset the assistant writes: paragraphs and line breaks, **bold**, "- " and "1. " lists, backslash
// escapes, and links within this portal (/kb/… articles). It builds DOM nodes whose text is only ever set through text
// nodes, so nothing in a message can become markup: HTML in a message is shown as the characters it is made of. The
// server already turns links to other sites into text; a link that still points elsewhere is shown as its text here too.

const BULLET = /^\s*[-*•]\s+(.*)$/;
const NUMBERED = /^\s*(\d{1,4})[.)]\s+(.*)$/;
const INLINE = /\*\*(.+?)\*\*|\[([^\]\n]+)\]\(([^()\s]+)\)/g;
// "\[" is a "[" that starts nothing: escaped characters are set aside (as private-use stand-ins) while the line is read,
// and put back only in text.
const ESCAPED = /\\([!-/:-@[-`{-~])/g;
const STAND_IN = /[\uE021-\uE07E]/g;
const STAND_IN_OFFSET = 0xe000;

function setAside(text) {
  return text.replace(ESCAPED, (_, char) => String.fromCharCode(STAND_IN_OFFSET + char.charCodeAt(0)));
}

function putBack(text) {
  return text.replace(STAND_IN, (char) => String.fromCharCode(char.charCodeAt(0) - STAND_IN_OFFSET));
}

/** The link target when it is a page of this portal (a KB article, or any path of this origin); anything else is not a link. */
export function safeHref(url, origin = globalThis.location?.origin) {
  if (/^\/kb\/[\w\-.~%/]*(?:[?#][\w\-.~%=&#]*)?$/.test(url) && !url.includes('//') && !url.includes('..')) return url;
  try {
    const parsed = new URL(url);
    if ((parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.origin === origin) return parsed.href;
  } catch {
    // Not an absolute URL.
  }
  return undefined;
}

function link(title, url, newTabLabel) {
  const href = safeHref(putBack(url));
  if (!href) return document.createTextNode(putBack(title));
  const a = document.createElement('a');
  a.href = href;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  a.textContent = putBack(title);
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
    if (match.index > last) parent.append(putBack(text.slice(last, match.index)));
    if (match[1] !== undefined) {
      const strong = document.createElement('strong');
      appendInline(strong, match[1], options);
      parent.append(strong);
    } else {
      parent.append(link(match[2], match[3], options.newTabLabel));
    }
    last = match.index + match[0].length;
  }
  if (last < text.length) parent.append(putBack(text.slice(last)));
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
  for (const line of setAside(String(text).replace(/\r\n?/g, '\n')).split('\n')) {
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
