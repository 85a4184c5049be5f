import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../../../common/languages.js';
import { createI18n } from '../../../i18n/i18n.js';
import { json, stubApi } from '../../../test-utils.js';
import { AppProviders, createQueryClient } from '../../AppProviders.js';
import { AttachmentPicker, pickFiles } from './AttachmentPicker.js';

let chosen: File[] = [];

function Harness(props: { max?: number; maxFileMb?: number }) {
  const [files, setFiles] = useState<File[]>([]);
  chosen = files;
  return <AttachmentPicker label="Pièces jointes" value={files} onChange={setFiles} {...props} />;
}

function renderPicker(props: { max?: number; maxFileMb?: number } = {}, language: Language = 'fr') {
  stubApi({ 'GET /documents/limits': () => json({ maxFileMb: 20, maxFilesPerMessage: 10 }) });
  const result = render(
    <AppProviders i18n={createI18n(language)} queryClient={createQueryClient()} env="test">
      <Harness {...props} />
    </AppProviders>,
  );
  const choose = (files: File[]) => {
    const input = result.container.querySelector<HTMLInputElement>('input[type="file"]');
    if (!input) throw new Error('no file input');
    fireEvent.change(input, { target: { files } });
  };
  return { ...result, choose };
}

const file = (name: string, bytes = 10) => new File([new Uint8Array(bytes)], name);

describe('attachment picker', () => {
  it('refuses files past the limit with a message naming them, and keeps the first ones', () => {
    const { choose } = renderPicker({ max: 2 });
    choose([file('a.txt'), file('b.txt'), file('c.txt')]);

    expect(screen.getByRole('alert').textContent).toBe(
      'Au plus 2 fichiers par message. Non ajoutés\u00a0: c.txt.',
    );
    expect(chosen.map((f) => f.name)).toEqual(['a.txt', 'b.txt']);
    expect(screen.getByText('a.txt')).toBeTruthy();
    expect(screen.queryByText('c.txt')).toBeNull();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Joindre des fichiers' }).disabled).toBe(
      true,
    );
  });

  it('refuses a file over the size limit before anything is sent, in English too', () => {
    const { choose } = renderPicker({ maxFileMb: 1 }, 'en');
    choose([file('small.pdf', 100), file('huge.iso', 1024 * 1024 + 1)]);

    expect(screen.getByRole('alert').textContent).toBe('Larger than 1 MB, not added: huge.iso.');
    expect(chosen.map((f) => f.name)).toEqual(['small.pdf']);
    expect(screen.getByText('Up to 10 files, 1 MB each at most.')).toBeTruthy();
  });

  it('shows each chosen file with its size and lets one be removed', () => {
    const { choose } = renderPicker();
    choose([file('plan.pdf', 2048), file('photo.jpg', 512)]);
    expect(screen.getByText('plan.pdf')).toBeTruthy();
    expect(screen.getByText('2 ko')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Retirer plan.pdf' }));
    expect(chosen.map((f) => f.name)).toEqual(['photo.jpg']);
    expect(screen.queryByText('plan.pdf')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('pickFiles', () => {
  it('ignores a file chosen twice', () => {
    const a = file('a.txt');
    expect(pickFiles([a], [a], { max: 5, maxFileMb: 1 })).toEqual({ files: [a], tooMany: [], tooBig: [] });
  });
});
