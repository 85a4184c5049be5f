import type { z } from 'zod';
import type { Language } from '../../common/languages.js';
import type { Me, SessionResult, setPasswordSchema, setupSchema } from '../../common/schemas/auth.schema.js';
import type { User } from '../../common/schemas/user.schema.js';
import { api, ApiError, setCsrfToken } from './client.js';

export type { User };
export type SetupInput = z.input<typeof setupSchema>;
export type SetPasswordInput = z.input<typeof setPasswordSchema>;

function remember<T extends { csrfToken: string | null }>(result: T): T {
  setCsrfToken(result.csrfToken);
  return result;
}

/** The signed-in user, or null when nobody is signed in. */
export async function fetchSession(): Promise<User | null> {
  try {
    return remember(await api.get<Me>('/auth/me')).user;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw err;
  }
}

export async function login(email: string, password: string): Promise<User> {
  return remember(await api.post<SessionResult>('/auth/login', { email, password })).user;
}

export async function logout(): Promise<void> {
  try {
    await api.post<{ ok: true }>('/auth/logout');
  } catch (err) {
    // An expired session is already logged out.
    if (!(err instanceof ApiError && err.status === 401)) throw err;
  } finally {
    setCsrfToken(null);
  }
}

export async function updateMe(patch: { name?: string; language?: Language }): Promise<User> {
  return remember(await api.patch<Me>('/auth/me', patch)).user;
}

export async function fetchSetupStatus(): Promise<{ setupRequired: boolean }> {
  return api.get<{ setupRequired: boolean }>('/auth/setup');
}

export async function completeSetup(input: SetupInput): Promise<User> {
  return remember(await api.post<SessionResult>('/auth/setup', input)).user;
}

export async function setPassword(input: SetPasswordInput): Promise<void> {
  await api.post<{ ok: true }>('/auth/password', input);
}
