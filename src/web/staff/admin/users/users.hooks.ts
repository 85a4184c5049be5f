import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateUserInput, UpdateUserInput } from '../../../../common/schemas/user.schema.js';
import {
  adminKeys,
  createPasswordLink,
  createUser,
  deactivateUser,
  listAllUsers,
  listGroups,
  listUsers,
  reactivateUser,
  updateUser,
  type UserFilter,
} from '../../../api/admin.api.js';

export function useUserPages(filter: UserFilter) {
  return useInfiniteQuery({
    queryKey: adminKeys.users(filter),
    queryFn: ({ pageParam }) => listUsers(filter, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Every user: member pickers and the audit log's author filter. */
export function useUserChoices() {
  return useQuery({ queryKey: adminKeys.userChoices, queryFn: listAllUsers });
}

export function useGroups() {
  return useQuery({ queryKey: adminKeys.groups, queryFn: listGroups });
}

/** Users, groups (their members) and the audit log all change with any administration command. */
export function useRefreshAdmin() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: adminKeys.all });
}

export function useCreateUser() {
  const refresh = useRefreshAdmin();
  return useMutation({
    mutationFn: (input: CreateUserInput) => createUser(input),
    onSuccess: refresh,
  });
}

export function useUpdateUser() {
  const refresh = useRefreshAdmin();
  return useMutation({
    mutationFn: ({ id, input }: { id: number; input: UpdateUserInput }) => updateUser(id, input),
    onSuccess: refresh,
  });
}

export function useSetUserActive() {
  const refresh = useRefreshAdmin();
  return useMutation({
    mutationFn: ({ id, active }: { id: number; active: boolean }) =>
      active ? reactivateUser(id) : deactivateUser(id),
    onSuccess: refresh,
  });
}

export function usePasswordLink() {
  const refresh = useRefreshAdmin();
  return useMutation({
    mutationFn: (id: number) => createPasswordLink(id),
    onSuccess: refresh,
  });
}
