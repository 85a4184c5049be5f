import { describe, expect, it } from 'vitest';
import { SETTINGS, type Settings } from '../../common/settings.js';
import {
  describeImapError,
  imapClientOptions,
  parseImapUrl,
  resolveImapAccount,
  type ImapAccount,
} from './inbox.imap.js';

const defaults = Object.fromEntries(Object.entries(SETTINGS).map(([k, v]) => [k, v.default])) as Settings;
const settings = (patch: Partial<Settings> = {}): Settings => ({ ...defaults, ...patch });
/** Stands in for the master key: the sealed form is the password reversed. */
const open = (sealed: string) => [...sealed].reverse().join('');

describe('the mailbox the collector reads', () => {
  it('nothing is collected when neither the settings nor GUICHET_IMAP_URL name a server', () => {
    expect(resolveImapAccount(settings(), {}, open)).toEqual({ source: 'none', account: null });
  });

  it('the Email settings win over GUICHET_IMAP_URL, with the password unsealed', () => {
    const r = resolveImapAccount(
      settings({
        'mail.imap.host': 'imap.company.example',
        'mail.imap.port': 993,
        'mail.imap.security': 'tls',
        'mail.imap.user': 'support@company.example',
        'mail.imap.password': 'terces',
        'mail.imap.folder': 'Support',
        'mail.imap.afterImport': 'move',
        'mail.imap.moveTo': 'Done',
        'mail.imap.pollSeconds': 120,
      }),
      { imapUrl: 'imap://other:pw@elsewhere.example/INBOX' },
      open,
    );
    expect(r).toEqual({
      source: 'settings',
      account: {
        host: 'imap.company.example',
        port: 993,
        secure: true,
        starttls: false,
        user: 'support@company.example',
        password: 'secret',
        folder: 'Support',
        afterImport: 'move',
        moveTo: 'Done',
        pollSeconds: 120,
        label: 'support@company.example@imap.company.example/Support',
      },
    });
  });

  it('the security setting maps to implicit TLS, required STARTTLS or plain', () => {
    const of = (security: Settings['mail.imap.security']) =>
      resolveImapAccount(settings({ 'mail.imap.host': 'h', 'mail.imap.security': security }), {}, open)
        .account;
    expect(of('tls')).toMatchObject({ secure: true, starttls: false });
    expect(of('starttls')).toMatchObject({ secure: false, starttls: true });
    expect(of('none')).toMatchObject({ secure: false, starttls: false, password: '' });
  });

  it('without a host in the settings, GUICHET_IMAP_URL is used, percent-decoded', () => {
    const r = resolveImapAccount(
      settings({ 'mail.imap.afterImport': 'move', 'mail.imap.pollSeconds': 300 }),
      { imapUrl: 'imaps://support%40company.example:p%40ss%3Aw%2Fd@mail.company.example/Support%20Desk' },
      open,
    );
    expect(r.source).toBe('env');
    expect(r.account).toEqual({
      host: 'mail.company.example',
      port: 993,
      secure: true,
      starttls: false,
      user: 'support@company.example',
      password: 'p@ss:w/d',
      folder: 'Support Desk',
      afterImport: 'move',
      moveTo: 'Guichet',
      pollSeconds: 300,
      label: 'support@company.example@mail.company.example/Support Desk',
    });
  });

  it('imap:// defaults to port 143, folder INBOX and required STARTTLS; security=none allows plain', () => {
    expect(parseImapUrl('imap://u:p@h', defaults)).toMatchObject({
      port: 143,
      folder: 'INBOX',
      secure: false,
      starttls: true,
      label: 'u@h/INBOX',
    });
    expect(parseImapUrl('imap://u:p@127.0.0.1:10143/?security=none', defaults)).toMatchObject({
      host: '127.0.0.1',
      port: 10143,
      folder: 'INBOX',
      starttls: false,
    });
  });

  it('the query sets what to do after import and the poll interval, kept within bounds', () => {
    expect(
      parseImapUrl('imap://u:p@h/INBOX?afterImport=move&moveTo=Archive%2FGuichet&pollSeconds=5', defaults),
    ).toMatchObject({ afterImport: 'move', moveTo: 'Archive/Guichet', pollSeconds: 10 });
    expect(parseImapUrl('imap://u:p@h/?pollSeconds=99999&afterImport=nope', defaults)).toMatchObject({
      afterImport: 'seen',
      pollSeconds: 3600,
    });
  });

  it('a malformed GUICHET_IMAP_URL is an error that names the variable, not a silent stop', () => {
    expect(() => resolveImapAccount(settings(), { imapUrl: 'imap://' }, open)).toThrow(/GUICHET_IMAP_URL/);
    expect(() => parseImapUrl('pop3://u:p@h', defaults)).toThrow(/imap:\/\/ or imaps:\/\//);
  });
});

describe('imapflow options and errors', () => {
  const account: ImapAccount = {
    host: 'h',
    port: 143,
    secure: false,
    starttls: true,
    user: 'u',
    password: 'p',
    folder: 'INBOX',
    afterImport: 'seen',
    moveTo: 'Guichet',
    pollSeconds: 60,
    label: 'u@h/INBOX',
  };

  it('STARTTLS is required or refused as the account says, and the library stays silent', () => {
    expect(imapClientOptions(account)).toMatchObject({
      secure: false,
      doSTARTTLS: true,
      logger: false,
      auth: { user: 'u', pass: 'p' },
    });
    expect(imapClientOptions({ ...account, starttls: false }).doSTARTTLS).toBe(false);
    expect(imapClientOptions({ ...account, secure: true, port: 993 }).secure).toBe(true);
  });

  it('errors become one readable line, without the password', () => {
    const auth = Object.assign(new Error('Command failed'), { authenticationFailed: true });
    expect(describeImapError(auth, account)).toEqual({
      reason: 'auth_failed',
      message: 'Authentication failed for u on h:143',
    });
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:143'), { code: 'ECONNREFUSED' });
    expect(describeImapError(refused, account)).toEqual({
      reason: 'cannot_connect',
      message: 'Cannot connect to h:143: connect ECONNREFUSED 127.0.0.1:143',
    });
    const missing = Object.assign(new Error('Command failed'), { mailboxMissing: true });
    expect(describeImapError(missing, account).reason).toBe('folder_missing');
    expect(describeImapError(new Error('a\nb'), account).message).not.toMatch(/\n|p@/);
  });
});
