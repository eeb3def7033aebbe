import type { FreelancersEntry } from '@/utils/apply/stored';
import type { ProfileChoice } from '@/utils/apply/proposal';
import { problemText } from '@/utils/problem-text';

interface Props {
  id: string;
  freelancers: FreelancersEntry | null;
  choices: ProfileChoice[];
  chosen: string | null;
  suggestion: { choice: ProfileChoice; reason: string } | null;
  now: number;
  onChoose: (profileId: string | null) => void;
}

/** The agency's freelancer to apply as: the list, why it could not be loaded, or how to get one into it. */
export function FreelancerPicker({ id, freelancers, choices, chosen, suggestion, now, onChoose }: Props) {
  const noProfiles = freelancers?.value !== undefined && freelancers?.value !== null && choices.length === 0;
  return (
    <>
      {freelancers?.problem && (
        <p className="error-text">
          {problemText(freelancers.problem, now).title}. {problemText(freelancers.problem, now).body}
        </p>
      )}
      {noProfiles ? (
        <p className="notice">
          UpHunt lists no freelancers for your agency yet. Auto-apply sends proposals through UpHunt's business developer: invite it into your Upwork agency
          (Agency Plus) under Settings → My Teams → Members → Invite Member, with the profile URL shown on UpHunt's Auto-Apply → Business Developer page; it
          accepts within seconds.
        </p>
      ) : (
        <select id={id} value={chosen ?? ''} onChange={(e) => onChoose(e.target.value || null)}>
          {choices.length === 0 && <option value="">Loading freelancers…</option>}
          {choices.map((c) => (
            <option key={c.profileId} value={c.profileId}>
              {c.freelancerName} — {c.title}
              {c.hourlyRate ? ` ($${c.hourlyRate}/hr)` : ''}
            </option>
          ))}
        </select>
      )}
      {suggestion && (
        <p className="muted">
          Suggested: {suggestion.choice.freelancerName}. {suggestion.reason}
        </p>
      )}
    </>
  );
}
