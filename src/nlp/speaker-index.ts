import type { ActorDraft } from './actor-draft.ts';
import type { Gender } from './person-gender.ts';
import type { SpeakerContext, SpeakerMention } from './speaker-context.ts';

/**
 * The lookups attribution makes, indexed once per article: which mention starts or ends at
 * an offset, the people a pronoun can point back to, the person with a last name. Scanning
 * every mention or actor for each quote instead grew with the square of a long article.
 */
export function speakerIndexes(
  speakers: SpeakerMention[],
  drafts: ActorDraft[],
  names: string[],
): Pick<SpeakerContext, 'speakerAt' | 'speakerEndingAt' | 'pronounTargets' | 'personByLastName'> {
  const speakerAt = new Map(speakers.map((m) => [m.start, m]));
  const speakerEndingAt = new Map<number, SpeakerMention>();
  for (const m of speakerAt.values())
    if (!speakerEndingAt.has(m.end)) speakerEndingAt.set(m.end, m);
  const fits = (p: SpeakerMention, wanted: Gender): boolean =>
    p.person && !p.quoted && (p.gender === wanted || p.gender === 'unknown');
  const personByLastName = new Map<string, number>();
  drafts.forEach((d, i) => {
    const last = names[i]!.toLowerCase().split(' ').at(-1)!;
    if (d.type === 'person' && !personByLastName.has(last)) personByLastName.set(last, i);
  });
  return {
    speakerAt,
    speakerEndingAt,
    pronounTargets: {
      female: speakers.filter((p) => fits(p, 'female')),
      male: speakers.filter((p) => fits(p, 'male')),
      any: speakers.filter((p) => p.person && !p.quoted),
      organisation: speakers.filter((p) => !p.person && !p.place && !p.quoted),
    },
    personByLastName,
  };
}
