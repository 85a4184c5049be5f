import { Button, Group, Text } from '@mantine/core';

/** What the footer needs of an infinite query (TanStack Query's useInfiniteQuery result). */
interface Pages {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** Under a paged table: how many there are in all, and "load more" while pages remain. */
export function LoadMoreFooter({
  totalText,
  pages,
  moreLabel,
}: {
  totalText: string;
  pages: Pages;
  moreLabel: string;
}) {
  return (
    <Group justify="space-between">
      <Text size="sm" c="dimmed">
        {totalText}
      </Text>
      {pages.hasNextPage && (
        <Button
          variant="default"
          size="xs"
          loading={pages.isFetchingNextPage}
          onClick={() => void pages.fetchNextPage()}
        >
          {moreLabel}
        </Button>
      )}
    </Group>
  );
}
