import { ActionIcon, Alert, Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../components/format.js';
import { IconPaperclip, IconX } from '../../../components/ticketIcons.js';
import { useUploadLimits } from './useDocuments.js';

const MB = 1024 * 1024;

export interface PickResult {
  files: File[];
  /** Left out because the count was reached. */
  tooMany: File[];
  /** Left out because each is over the size limit. */
  tooBig: File[];
}

const sameFile = (a: File, b: File) =>
  a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;

/**
 * Adds `chosen` to `current` within the limits: files over the size limit are left out, then files past
 * the count; choosing a file already in the list again adds nothing.
 */
export function pickFiles(
  current: File[],
  chosen: File[],
  limits: { max: number; maxFileMb: number },
): PickResult {
  const fresh = chosen.filter((f) => !current.some((c) => sameFile(c, f)));
  const tooBig = fresh.filter((f) => f.size > limits.maxFileMb * MB);
  const fitting = fresh.filter((f) => f.size <= limits.maxFileMb * MB);
  const room = Math.max(0, limits.max - current.length);
  return {
    files: [...current, ...fitting.slice(0, room)],
    tooMany: fitting.slice(room),
    tooBig,
  };
}

export interface AttachmentPickerProps {
  /** The chosen files (`files` is accepted as another name for it). */
  value?: File[];
  files?: File[];
  onChange(files: File[]): void;
  /** Most files at once; defaults to the setting uploads.maxFilesPerMessage. */
  max?: number;
  /** Largest file in MB; defaults to the setting uploads.maxFileMb. */
  maxFileMb?: number;
  label?: string;
  disabled?: boolean;
}

/**
 * Chooses files to send with a message or a new ticket, before anything is uploaded: lists their names
 * and sizes, lets one be removed, and refuses too many or too large files at once with a clear message.
 * The server checks again; this only saves the user a failed send.
 */
export function AttachmentPicker(props: AttachmentPickerProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const settings = useUploadLimits();
  const value = props.value ?? props.files ?? [];
  const max = props.max ?? settings.maxFilesPerMessage;
  const maxFileMb = props.maxFileMb ?? settings.maxFileMb;
  const [refused, setRefused] = useState<{ tooMany: File[]; tooBig: File[] } | null>(null);
  const resetRef = useRef<() => void>(null);

  const choose = (chosen: File[]) => {
    // Lets the same file be chosen again after it was removed.
    resetRef.current?.();
    const result = pickFiles(value, chosen, { max, maxFileMb });
    setRefused(result.tooMany.length || result.tooBig.length ? result : null);
    if (result.files.length !== value.length) props.onChange(result.files);
  };

  const names = (files: File[]) => files.map((f) => f.name).join(', ');

  return (
    <Stack gap={6}>
      {props.label && (
        <Text size="sm" fw={500}>
          {props.label}
        </Text>
      )}
      {value.length > 0 && (
        <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {value.map((file) => (
            <Group
              key={`${file.name}-${file.size}-${file.lastModified}`}
              gap="xs"
              component="li"
              wrap="nowrap"
            >
              <IconPaperclip size={14} />
              <Text size="sm" truncate>
                {file.name}
              </Text>
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {format.fileSize(file.size)}
              </Text>
              <ActionIcon
                variant="subtle"
                color="gray"
                size="sm"
                aria-label={t('documents.picker.remove', { name: file.name })}
                disabled={props.disabled}
                onClick={() => {
                  setRefused(null);
                  props.onChange(value.filter((f) => f !== file));
                }}
              >
                <IconX size={14} />
              </ActionIcon>
            </Group>
          ))}
        </Stack>
      )}
      <Group gap="sm">
        <FileButton onChange={choose} multiple resetRef={resetRef} disabled={props.disabled}>
          {(buttonProps) => (
            <Button
              {...buttonProps}
              variant="default"
              size="xs"
              leftSection={<IconPaperclip size={14} />}
              disabled={props.disabled || value.length >= max}
            >
              {t('documents.picker.add')}
            </Button>
          )}
        </FileButton>
        <Text size="xs" c="dimmed">
          {t('documents.picker.limits', { max, size: maxFileMb })}
        </Text>
      </Group>
      {refused && (
        <Alert color="orange" variant="light" role="alert" p="xs">
          {refused.tooBig.length > 0 && (
            <Text size="sm">
              {t('documents.picker.tooBig', { max: maxFileMb, names: names(refused.tooBig) })}
            </Text>
          )}
          {refused.tooMany.length > 0 && (
            <Text size="sm">{t('documents.picker.tooMany', { max, names: names(refused.tooMany) })}</Text>
          )}
        </Alert>
      )}
    </Stack>
  );
}
