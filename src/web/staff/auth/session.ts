import { createContext, useContext } from 'react';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Language } from '../../../common/languages.js';
import { fetchSession, logout, updateMe, type User } from '../../api/auth.api.js';

/** Query key of the signed-in user (`null` when nobody is signed in). */
export const sessionKey = ['session'] as const;

export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: Infinity, retry: false });
}

/**
 * The signed-in user as RequireAuth saw it. A context rather than another read of the query: while a
 * logout re-renders the tree, nothing below RequireAuth ever sees a null user.
 */
export const SignedInUserContext = createContext<User | null>(null);

export function useSignedInUser(): User {
  const user = useContext(SignedInUserContext);
  if (!user) throw new Error('useSignedInUser used outside RequireAuth');
  return user;
}

/** Records a fresh session (login, setup): the interface switches to the user's language at once. */
export function useStartSession(): (user: User) => void {
  const queryClient = useQueryClient();
  const { i18n } = useTranslation();
  return (user) => {
    void i18n.changeLanguage(user.language);
    queryClient.setQueryData(sessionKey, user);
  };
}

/** Signs out and lands on the login page (without a `next`: leaving was deliberate). */
export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      void navigate('/login', { replace: true });
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
      queryClient.setQueryData(sessionKey, null);
    },
  });
}

/** Switches the interface language now and stores it on the signed-in user. */
export function useChangeLanguage(): (language: Language) => void {
  const queryClient = useQueryClient();
  const { t, i18n } = useTranslation();
  const save = useMutation({
    mutationFn: (language: Language) => updateMe({ language }),
    onSuccess: (user) => queryClient.setQueryData(sessionKey, user),
    onError: () => notifications.show({ color: 'red', message: t('userMenu.languageSaveFailed') }),
  });
  return (language) => {
    void i18n.changeLanguage(language);
    if (queryClient.getQueryData(sessionKey)) save.mutate(language);
  };
}

/** Where to go after sign-in: only a path of this site, never another origin. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith('/login')) return '/';
  return next;
}
