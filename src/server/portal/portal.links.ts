import type { Config } from '../config.js';
import type { SecretBox } from '../crypto/secret-box.js';
import type { SettingsService } from '../settings/settings.service.js';

/** What a signature on a ticket link covers: the purpose, so a signature made for something else never fits. */
const ticketLinkValue = (trackId: string) => `portal-ticket:${trackId}`;

export interface PortalLinksDeps {
  secrets: Pick<SecretBox, 'sign' | 'verify'>;
  settings: Pick<SettingsService, 'get'>;
  config: Pick<Config, 'publicUrl'>;
}

/**
 * Addresses of the public portal (SPEC 4) as they appear in emails and on the third-party page. The base is
 * the "public base URL" setting when set (the portal may live behind another host name), else the server's
 * public URL. A ticket link carries an HMAC of the tracking key, so the customer needs nothing else to open it.
 */
export function createPortalLinks({ secrets, settings, config }: PortalLinksDeps) {
  async function baseUrl(): Promise<string> {
    const configured = await settings.get('portal.publicUrl');
    return (configured || config.publicUrl).replace(/\/+$/, '');
  }

  return {
    baseUrl,

    /** The signature a ticket link carries (query parameter `sig`). */
    ticketSignature: (trackId: string): string => secrets.sign(ticketLinkValue(trackId)),

    verifyTicketSignature: (trackId: string, signature: string): boolean =>
      secrets.verify(ticketLinkValue(trackId), signature),

    /** `<base>/portal/t/<trackId>?sig=<hmac>`: opens the ticket without asking for the email address. */
    async ticketLink(trackId: string): Promise<string> {
      const sig = secrets.sign(ticketLinkValue(trackId));
      return `${await baseUrl()}/portal/t/${encodeURIComponent(trackId)}?sig=${encodeURIComponent(sig)}`;
    },

    /** `<base>/portal/c/<token>`: the personalized page of one customer (token stored on the third party). */
    async customerLink(token: string): Promise<string> {
      return `${await baseUrl()}/portal/c/${encodeURIComponent(token)}`;
    },
  };
}

export type PortalLinks = ReturnType<typeof createPortalLinks>;
