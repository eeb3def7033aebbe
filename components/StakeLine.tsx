import { stakeText, type Stake } from '@/utils/client/stake';

/** Before applying: the Connects the job costs against the hire odds, with the reasons named. */
export function StakeLine({ stake }: { stake: Stake }) {
  const text = stakeText(stake);
  if (!text) return null;
  return (
    <p className={stake.odds === 'low' ? 'stake warn-text' : 'stake muted'} aria-label="What is at stake">
      {stake.odds === 'low' ? '⚠ ' : ''}
      {text}
    </p>
  );
}
