import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { DestinationsForm } from '@/components/DestinationsForm';

const props = (allow: (origin: string) => Promise<boolean>) => ({
  destinations: [],
  statuses: {},
  now: Date.UTC(2026, 11, 5),
  save: vi.fn(async () => undefined),
  allow: vi.fn(allow),
  release: vi.fn(async () => undefined),
  test: vi.fn(async () => ({ ok: true, message: '' })),
  newId: () => 'd1',
});

describe('adding a destination asks the browser for its one origin', () => {
  it('refused: said in words, nothing added; allowed: added', async () => {
    const refused = props(async () => false);
    const { unmount } = render(<DestinationsForm {...refused} />);
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'slack' } });
    fireEvent.change(screen.getByLabelText('Slack incoming webhook URL'), { target: { value: 'https://hooks.slack.com/services/T0/B0/secret' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add destination' }));
    expect(await screen.findByText('The browser did not allow hooks.slack.com, so nothing can be sent there: the destination was not added.')).toBeTruthy();
    expect(refused.allow).toHaveBeenCalledWith('https://hooks.slack.com/*');
    expect(refused.save).not.toHaveBeenCalled();
    unmount();

    const allowed = props(async () => true);
    render(<DestinationsForm {...allowed} />);
    fireEvent.change(screen.getByLabelText(/^Topic address/), { target: { value: 'https://ntfy.sh/jobs-for-me' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add destination' }));
    expect(await screen.findByText(/^Added "ntfy topic"/)).toBeTruthy();
    expect(allowed.save).toHaveBeenCalledWith([expect.objectContaining({ kind: 'ntfy', url: 'https://ntfy.sh/jobs-for-me' })]);
  });
});
