import { describe, expect, it } from 'vitest';
import { detectAutomatic, type MimeOutline } from './inbox.automatic.js';

const leaf = (type: string, params: Record<string, string> = {}): MimeOutline => ({
  type,
  params,
  parts: [],
  boundaryFound: false,
});
const multipart = (type: string, parts: MimeOutline[], params: Record<string, string> = {}): MimeOutline => ({
  type,
  params: { boundary: 'b', ...params },
  parts,
  boundaryFound: true,
});
const PLAIN = leaf('text/plain');
const REPORT = (reportType: string) =>
  multipart('multipart/report', [PLAIN, leaf('message/rfc822')], { 'report-type': reportType });
const DSN = multipart('multipart/report', [PLAIN, leaf('message/delivery-status'), leaf('message/rfc822')], {
  'report-type': 'delivery-status',
});

function detect(headers: Record<string, string>, options: { from?: string; mime?: MimeOutline } = {}) {
  return detectAutomatic({
    headers: new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])),
    from: { address: options.from ?? 'jean@example.org', name: null },
    mime: options.mime ?? PLAIN,
  });
}

describe('automatic messages', () => {
  it('lets ordinary mail through, even with the X-Auto-Response-Suppress Outlook puts on it', () => {
    expect(detect({})).toBeNull();
    expect(detect({ 'X-Auto-Response-Suppress': 'All', 'X-Mailer': 'Microsoft Outlook 16.0' })).toBeNull();
    expect(detect({ 'Auto-Submitted': 'no' })).toBeNull();
    expect(detect({ 'Auto-Submitted': 'No (sent by a person)' })).toBeNull();
    expect(detect({ 'X-Autoreply': 'no' })).toBeNull();
    expect(detect({ Precedence: 'normal' })).toBeNull();
  });

  it.each([
    ['Auto-Submitted', 'auto-replied', 'Auto-Submitted: auto-replied'],
    ['Auto-Submitted', 'auto-replied (vacation)', 'Auto-Submitted: auto-replied (vacation)'],
    ['Auto-Submitted', 'auto-generated', 'Auto-Submitted: auto-generated'],
    [
      'Auto-Submitted',
      'Auto-Notified; owner-email="a@example.org"',
      'Auto-Submitted: Auto-Notified; owner-email="a@example.org"',
    ],
    ['X-Autoreply', 'yes', 'X-Autoreply: yes'],
    ['X-Autorespond', 'Out of office', 'X-Autorespond: Out of office'],
    ['Precedence', 'auto_reply', 'Precedence: auto_reply'],
  ])('takes %s: %s for an automatic reply', (name, value, evidence) => {
    expect(detect({ [name]: value })).toEqual({ kind: 'auto_reply', evidence });
  });

  it.each([
    [{ Precedence: 'bulk' }, 'Precedence: bulk'],
    [{ Precedence: 'junk' }, 'Precedence: junk'],
    [{ Precedence: 'List' }, 'Precedence: List'],
    [{ 'List-Id': 'Users <users.lists.example.org>' }, 'List-Id: Users <users.lists.example.org>'],
    [{ 'List-Unsubscribe': '<https://news.example.net/u?x=1>' }, 'List-Unsubscribe'],
  ])('takes %o for bulk mail', (headers, evidence) => {
    expect(detect(headers)).toEqual({ kind: 'bulk', evidence });
  });

  it('takes a delivery report for a bounce, before the Auto-Submitted it also carries', () => {
    expect(detect({ 'Auto-Submitted': 'auto-replied' }, { mime: DSN })).toEqual({
      kind: 'bounce',
      evidence: 'Content-Type: multipart/report; report-type=delivery-status',
    });
  });

  it('finds a delivery-status part outside a report (some MTAs use multipart/mixed)', () => {
    const mixed = multipart('multipart/mixed', [PLAIN, leaf('message/delivery-status')]);
    expect(detect({}, { mime: mixed })).toEqual({ kind: 'bounce', evidence: 'message/delivery-status part' });
    const global = multipart('multipart/mixed', [PLAIN, leaf('message/global-delivery-status')]);
    expect(detect({}, { mime: global })?.kind).toBe('bounce');
  });

  it('takes any other report for a bounce when it comes from the null sender or a mail system', () => {
    expect(detect({ 'Return-Path': '<>' }, { mime: REPORT('feedback-report') })).toEqual({
      kind: 'bounce',
      evidence: 'Return-Path: <>',
    });
    expect(detect({}, { mime: REPORT('feedback-report'), from: 'postmaster@example.net' })).toEqual({
      kind: 'bounce',
      evidence: 'From: postmaster@example.net',
    });
    expect(detect({}, { mime: REPORT('feedback-report') })).toBeNull();
  });

  it('takes MAILER-DAEMON for a bounce even without a report, but not a person writing as postmaster', () => {
    expect(detect({}, { from: 'mailer-daemon@mx.example.net' })).toEqual({
      kind: 'bounce',
      evidence: 'From: mailer-daemon@mx.example.net',
    });
    expect(detect({}, { from: 'postmaster@example.net' })).toBeNull();
  });

  it('takes a read receipt for an automatic reply', () => {
    expect(detect({}, { mime: REPORT('disposition-notification') })).toEqual({
      kind: 'auto_reply',
      evidence: 'Content-Type: multipart/report; report-type=disposition-notification',
    });
  });
});
