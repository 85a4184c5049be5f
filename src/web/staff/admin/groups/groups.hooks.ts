import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Permission } from '../../../../common/permissions.js';
import type { UpdateGroupInput } from '../../../../common/schemas/group.schema.js';
import {
  addGroupMember,
  adminKeys,
  createGroup,
  deleteGroup,
  removeGroupMember,
  setGroupPermissions,
  updateGroup,
  type Group,
} from '../../../api/admin.api.js';
import { useRefreshAdmin } from '../users/users.hooks.js';

export { useGroups, useUserChoices } from '../users/users.hooks.js';

/** The answer of a group command is the group as it is now: shown at once, then everything refreshes. */
function useApplyGroup() {
  const queryClient = useQueryClient();
  const refresh = useRefreshAdmin();
  return async (group: Group) => {
    queryClient.setQueryData<Group[]>(adminKeys.groups, (list) =>
      list?.map((g) => (g.id === group.id ? group : g)),
    );
    await refresh();
  };
}

export function useCreateGroup() {
  const refresh = useRefreshAdmin();
  return useMutation({
    mutationFn: (input: { name: string; description: string }) => createGroup(input),
    onSuccess: refresh,
  });
}

export function useUpdateGroup() {
  const apply = useApplyGroup();
  return useMutation({
    mutationFn: ({ id, input }: { id: number; input: UpdateGroupInput }) => updateGroup(id, input),
    onSuccess: apply,
  });
}

export function useDeleteGroup() {
  const refresh = useRefreshAdmin();
  return useMutation({ mutationFn: (id: number) => deleteGroup(id), onSuccess: refresh });
}

export function useSetPermissions() {
  const apply = useApplyGroup();
  return useMutation({
    mutationFn: ({ id, permissions }: { id: number; permissions: Permission[] }) =>
      setGroupPermissions(id, permissions),
    onSuccess: apply,
  });
}

export function useMembership() {
  const apply = useApplyGroup();
  return useMutation({
    mutationFn: ({ id, userId, member }: { id: number; userId: number; member: boolean }) =>
      member ? addGroupMember(id, userId) : removeGroupMember(id, userId),
    onSuccess: apply,
  });
}
