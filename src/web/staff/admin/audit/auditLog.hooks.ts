import { useInfiniteQuery } from '@tanstack/react-query';
import { adminKeys, listAuditLog, type AuditFilter } from '../../../api/admin.api.js';

export function useAuditPages(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: adminKeys.audit(filter),
    queryFn: ({ pageParam }) => listAuditLog(filter, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}
