import {
  TEMPLATE_PLACEHOLDERS,
  type MailTemplateValue,
  type TemplatePlaceholder,
} from '../../common/mail.templates.js';

/** Values of the placeholders for one mail; a missing one renders empty. */
export type TemplateValues = Partial<Record<TemplatePlaceholder, string>>;

export interface RenderedPart {
  text: string;
  html: string;
}

export interface RenderedMail extends RenderedPart {
  subject: string;
}

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;
const KNOWN = new Set<string>(TEMPLATE_PLACEHOLDERS);
/** Placeholders whose value is an address to click in the HTML part. */
const LINKS = new Set<string>(['link']);

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Known placeholders take their value; unknown ones stay as typed, so a typo shows in the preview. */
export function fillText(template: string, values: TemplateValues): string {
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    KNOWN.has(name) ? (values[name as TemplatePlaceholder] ?? '') : whole,
  );
}

/** One line of the HTML part: the template's text and the values both escaped; links made clickable. */
function fillHtmlLine(line: string, values: TemplateValues): string {
  let out = '';
  let last = 0;
  for (const m of line.matchAll(PLACEHOLDER)) {
    const name = m[1] ?? '';
    out += escapeHtml(line.slice(last, m.index));
    last = m.index + m[0].length;
    if (!KNOWN.has(name)) {
      out += escapeHtml(m[0]);
      continue;
    }
    const value = values[name as TemplatePlaceholder] ?? '';
    out +=
      LINKS.has(name) && /^https?:\/\//.test(value)
        ? `<a href="${escapeHtml(value)}">${escapeHtml(value)}</a>`
        : escapeHtml(value);
  }
  return out + escapeHtml(line.slice(last));
}

/** Plain text with placeholders → HTML paragraphs (blank lines) and line breaks. */
export function fillHtml(template: string, values: TemplateValues): string {
  return template
    .replace(/\r\n?/g, '\n')
    .trim()
    .split(/\n\s*\n/)
    .filter((p) => p.trim() !== '')
    .map(
      (p) =>
        `<p>${p
          .split('\n')
          .map((l) => fillHtmlLine(l, values))
          .join('<br>\n')}</p>`,
    )
    .join('\n');
}

export function renderPart(template: string, values: TemplateValues): RenderedPart {
  return {
    text: fillText(template, values).replace(/\r\n?/g, '\n').trim(),
    html: fillHtml(template, values),
  };
}

/** Every customer mail carries the ref in its subject (SPEC 5), even when an edited template dropped it. */
export function withRef(subject: string, ref: string): string {
  const oneLine = subject.replace(/[\r\n]+/g, ' ').trim();
  return oneLine.includes(`[${ref}]`) ? oneLine : `[${ref}] ${oneLine}`.trim();
}

const wrapHtml = (inner: string, lang: string) =>
  `<!DOCTYPE html>\n<html lang="${lang}"><head><meta charset="utf-8"></head>` +
  `<body style="font-family:sans-serif;line-height:1.5">\n${inner}\n</body></html>`;

/** A whole mail from a subject + body template (confirmation, notices). */
export function renderMail(
  template: MailTemplateValue,
  values: TemplateValues,
  ref: string,
  lang: string,
): RenderedMail {
  const body = renderPart(template.body, values);
  return {
    subject: withRef(fillText(template.subject ?? '', values), ref),
    text: body.text + '\n',
    html: wrapHtml(body.html, lang),
  };
}

/**
 * A staff message by email: intro, the message, signature. The message comes as sanitized rich text
 * (HTML part) and its plain text (text part); intro and signature may be empty.
 */
export function renderMessageMail(
  parts: { intro: string; signature: string },
  message: { html: string; text: string },
  values: TemplateValues,
  subject: string,
  ref: string,
  lang: string,
): RenderedMail {
  const intro = renderPart(parts.intro, values);
  const signature = renderPart(parts.signature, values);
  const text = [intro.text, message.text.trim(), signature.text].filter((s) => s !== '').join('\n\n');
  const html = [
    intro.html,
    `<div style="margin:1em 0;padding-left:1em;border-left:3px solid #ccc">${message.html}</div>`,
    signature.html,
  ]
    .filter((s) => s !== '')
    .join('\n');
  return { subject: withRef(subject, ref), text: text + '\n', html: wrapHtml(html, lang) };
}
