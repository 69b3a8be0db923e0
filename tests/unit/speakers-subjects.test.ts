import { describe, expect, it } from 'vitest';
import { speakerOf } from '../helpers/speakers.ts';

// Invented text: who a sentence is about, which is what a later "he" or surname points back to (#15).

describe('the subject a pronoun or a surname points back to', () => {
  it("takes a surname that looks like a woman's given name for no clue to gender", () => {
    const text = [
      'Tavish Kelly will run in the relay at Harwick on Saturday.',
      'Although Kelly, who is not racing on his own, took his time to agree, the veteran was clearly delighted.',
      'When four former champions turned up at the stadium on Thursday, Kelly was quick to greet them.',
      '"I do not normally ask for autographs," he said.',
    ].join('\n');
    expect(speakerOf(text, 'I do not normally')).toBe('Tavish Kelly');
  });

  it('never gives a quote to the place of a wire dateline written with a plain dash', () => {
    const text = [
      'HARWICK 1996-06-04 - Norway joined the United States on Tuesday in welcoming the accord.',
      '"The accord will bring calm to the coast," said the statement.',
    ].join('\n');
    expect(speakerOf(text, 'The accord will bring')).not.toBe('HARWICK');
  });

  it("does not take a name after the main verb for the sentence's subject", () => {
    const text = [
      'Dario Quist said on Thursday he had spent everything on his defence.',
      'The former striker was cleared last year of attacking his neighbour, Mara Quist, and her friend, Tobin Ashgrove.',
      '"I would love to tell everything," said Quist, who has promised a reward.',
    ].join('\n');
    expect(speakerOf(text, 'I would love')).toBe('Dario Quist');
  });

  it('keeps as subject a name after an inverted speech verb or an opening phrase', () => {
    const inverted = [
      '"We will win the vote," said Dario Quist.',
      'The crowd then cheered Tobin Ashgrove.',
      '"It is our turn," he added.',
    ].join('\n');
    expect(speakerOf(inverted, 'It is our turn')).toBe('Dario Quist');
    const opening = [
      'Asked about the vote, Dario Quist was calm.',
      'The crowd then cheered Tobin Ashgrove.',
      '"It is our turn," he added.',
    ].join('\n');
    expect(speakerOf(opening, 'It is our turn')).toBe('Dario Quist');
  });

  it('follows a run of sentences opened by "he" back to the one person they are about', () => {
    const text = [
      'Dario Quist said on Thursday he had spent everything on his defence.',
      'The former striker was cleared last year of attacking his neighbour, Mara Rask, and her friend, Tobin Ashgrove.',
      'He now faces a civil case brought by their families.',
      'He told reporters a court order kept him from saying more.',
      'But he added, "we will see some things come out at the next trial."',
    ].join('\n');
    expect(speakerOf(text, 'we will see')).toBe('Dario Quist');
  });
});

describe('speakers a reader names by description', () => {
  it("names a country's body as the article describes it, not the country or its capital", () => {
    const text = [
      'HARWICK 1996-06-04 - Norway said on Friday the harbour talks would resume.',
      'The Norwegian foreign ministry said in a statement: "The talks will go on as planned."',
      '"We welcome the accord," said the Swedish Foreign office statement.',
    ].join('\n');
    expect(speakerOf(text, 'The talks will go on')).toBe('Norwegian foreign ministry');
    expect(speakerOf(text, 'We welcome the accord')).toBe('Swedish Foreign office');
  });

  it('gives a commentary to the paper it appeared in', () => {
    const text = [
      'Norway on Wednesday called on its neighbours to settle the fishing dispute.',
      '"Nobody gains from a quarrel at sea," said a commentary in the official Harwick Courier.',
    ].join('\n');
    expect(speakerOf(text, 'Nobody gains')).toBe('Harwick Courier');
  });
});

describe('quoted paragraphs and surnames that are words', () => {
  it("keeps the speaker before a paragraph of quoted words within a pronoun's reach", () => {
    const text = [
      'Rudi Kessel said on Wednesday that he had also asked Tobin Ashgrove to run as well as Dario Quist.',
      '"Most of the champions of the past are coming. Quist belongs to them. It would be great to have him here."',
      '"There is a good offer. My minimum would be that he just ran the relay," he said.',
    ].join('\n');
    expect(speakerOf(text, 'There is a good offer')).toBe('Rudi Kessel');
  });

  it('reads a known surname that is also a common noun as the person', () => {
    const text = [
      'At least eight states have some litigation pending, said Tobin Head, spokesman for the Harbour Names Association.',
      '"It goes without saying that we are disappointed," Head said of the decision by the appeals court.',
    ].join('\n');
    expect(speakerOf(text, 'It goes without saying')).toBe('Tobin Head');
  });
});

describe('relayed and titled speakers', () => {
  it('gives words an agency quotes "as saying" to the person quoted, not the agency', () => {
    const text = [
      'HARWICK 1996-08-30 - The main airport will close for repairs next month, the news agency Portwire reported.',
      '"All flights will be sent to the old airfield, with no change in schedules," Portwire quotes airport general director Ivo Tamm as saying.',
      '"The work is urgent," Portwire quoted Tamm as saying.',
    ].join('\n');
    expect(speakerOf(text, 'All flights')).toBe('Ivo Tamm');
    expect(speakerOf(text, 'The work is urgent')).toBe('Ivo Tamm');
  });

  it('gives "said Falcons owner Dario Quist" to the owner when the team is no name it knows', () => {
    const text = [
      'Tobin Ashgrove retired on Thursday.',
      '"He was one of the most exciting players in league history," said Falcons owner Dario Quist.',
    ].join('\n');
    expect(speakerOf(text, 'He was one of')).toBe('Dario Quist');
  });

  it('takes the name after "said the official," for the one the description is about', () => {
    const text = [
      'Pilgrims were turned back at the harbour gate, said Mara Rask, who runs the ferry office.',
      '"We have fished these waters for forty years and nobody asked us," said the official, Tobin Ashgrove, 52.',
    ].join('\n');
    expect(speakerOf(text, 'We have fished')).toBe('Tobin Ashgrove');
  });

  it('gives words a letter carries to whoever wrote it, and not a name after a comma', () => {
    const text = [
      'Council president Mara Rask said the council was concerned.',
      'The Norwegian letter from Ivo Tamm said the demolition was an attempt to "change the character of the old town".',
      'But Dario Quist, one of the tenants who signed the letter of complaint, told Harbour Radio:',
      '"We only learned about it after the vote."',
    ].join('\n');
    expect(speakerOf(text, 'change the character')).toBe('Ivo Tamm');
    expect(speakerOf(text, 'We only learned')).toBe('Dario Quist');
  });

  it('reads four title words between a team and its person ("Hawks team physician Dr. …")', () => {
    const text = [
      'Hawks manager Tobin Ashgrove was taken to hospital on Thursday.',
      '"He is in no danger and will be watched overnight," said Hawks team physician Dr. Ivo Tamm.',
    ].join('\n');
    expect(speakerOf(text, 'He is in no danger')).toBe('Ivo Tamm');
  });

  it('gives "the statement said" to whoever an earlier sentence says put the statement out', () => {
    const text = [
      'HARWICK 1996-08-29 - Norway joined Sweden on Thursday in welcoming the harbour accord.',
      '"The accord will bring calm to the coast," said the Danish foreign ministry statement.',
      'The accord is expected to end years of quarrels over fishing rights.',
      'Harwick and Tarsby say it should be signed in September.',
      '"Denmark looks forward to an early signature," the statement said.',
    ].join('\n');
    expect(speakerOf(text, 'Denmark looks forward')).toBe('Danish foreign ministry');
  });

  it('does not give a quote inside a clause to the name after it ("his “friend” Ashgrove ran")', () => {
    const text =
      'Senator Dario Quist says his "friend and colleague" Tobin Ashgrove ran "an optimistic campaign focused on the future."';
    expect(speakerOf(text, 'friend and colleague')).toBe('Dario Quist');
  });
});

describe('a participle of saying after a comma', () => {
  it("gives the quote to the main clause's subject, not a name inside the clause", () => {
    expect(
      speakerOf(
        'Mara Rask threw her support behind Sen. Dario Quist (R-Ohio) Wednesday, saying it is time to have a "real conservative in the White House."',
        'real conservative',
      ),
    ).toBe('Mara Rask');
    expect(
      speakerOf(
        'In an angry press conference, Dario Quist launched an attack against Tobin Ashgrove, calling him "the most ignorant mayor in our history."',
        'the most ignorant',
      ),
    ).toBe('Dario Quist');
    expect(
      speakerOf(
        'Harbour campaign spokesman Ivo Tamm responded on Twitter, calling Quist\'s charge "pathetic" and "dangerous."',
        'pathetic',
      ),
    ).toBe('Ivo Tamm');
  });

  it('skips an owner and a name after a preposition in the main clause', () => {
    expect(
      speakerOf(
        'Harwick\'s chairman Sir Ivo Tamm added to the mood in the sector, saying in a statement that "with steady growth ahead, the sector should improve."',
        'with steady growth',
      ),
    ).toBe('Ivo Tamm');
  });

  it("gives a quote that says what someone's comments do to the one reporting them", () => {
    expect(
      speakerOf(
        'House Speaker Ivo Tamm told Harbour Radio Tuesday that Quist\'s comments "show bias to me."',
        'show bias',
      ),
    ).toBe('Ivo Tamm');
  });

  it('gives "with Senator Ivo Tamm telling reporters … “…”" to Tamm', () => {
    const text =
      'The shooting revived the debate over how Norway responds to violence, with Republican Senator Ivo Tamm telling reporters on Thursday he viewed Dario Quist as "directly responsible" for the attack.';
    expect(speakerOf(text, 'directly responsible')).toBe('Ivo Tamm');
  });

  it('gives "When X suggested …, Y fired back: “…”" to Y', () => {
    const text =
      'When Dario Quist suggested that Tarsby would sue the port, Mara Rask fired back forcefully: "If they sue us in a court in Harwick, they will lose."';
    expect(speakerOf(text, 'If they sue us')).toBe('Mara Rask');
  });

  it("gives what someone calls another's remarks to the one calling them so", () => {
    const text =
      'Party Chairman Ivo Tamm called Rask\'s remarks on the pier a "new low" and a "bizarre attempt" to change the subject.';
    expect(speakerOf(text, 'new low')).toBe('Ivo Tamm');
  });

  it('reads a name before a colon as the label of the quote after it, with or without a space', () => {
    const text = [
      'The hearing grew tense.',
      'Rep. Ivo Tamm (R-Ohio):"I have not heard anyone other than you ever cite that figure."',
      'Polls were wrong. Pollsters agree - Mara Rask: "One of the biggest lessons was a simple one: keep on calling." [Harbour Post.]',
    ].join('\n');
    expect(speakerOf(text, 'I have not heard')).toBe('Ivo Tamm');
    expect(speakerOf(text, 'One of the biggest')).toBe('Mara Rask');
  });

  it('sees the comma after a party tag ("Rask (D-Mo.), who …, said")', () => {
    const text =
      'Speaking later on the same show, Sen. Mara Rask (D-Mo.), who has endorsed Quist, said Tamm has pushed the former mayor to be a "stronger candidate."';
    expect(speakerOf(text, 'stronger candidate')).toBe('Mara Rask');
  });

  it('follows a chain of participles to its clause, past several opening phrases', () => {
    const text =
      'In June 2009, after Quist suffered a fall, Ivo Tamm emailed her his wishes, addressing her informally as "Mara" and telling her, "you are an all-star player and we need you."';
    expect(speakerOf(text, 'you are an all-star')).toBe('Ivo Tamm');
  });

  it('reads the cue after a quote that ends in "!" or "?", which the splitter cut off', () => {
    const text = [
      'The museum waived its fee during the convention.',
      '"Perpetual motion!" Rep. Ivo Tamm, R-Ohio, said of the swirl of parties.',
      '"Who pays for it?" asked Mara Rask, the museum director.',
    ].join('\n');
    expect(speakerOf(text, 'Perpetual motion')).toBe('Ivo Tamm');
    expect(speakerOf(text, 'Who pays')).toBe('Mara Rask');
  });

  it('takes the name after "said Quist\'s introducer, actress …"', () => {
    const text = [
      'The crowd was on its feet.',
      '"It is about time that we had a woman running this country," said Quist\'s introducer, actress Mara Rask.',
    ].join('\n');
    expect(speakerOf(text, 'It is about time')).toBe('Mara Rask');
  });

  it('reads "with X tweeting … and asking", "…, while X said that the “…”" and "As X put it:"', () => {
    expect(
      speakerOf(
        'Republicans were quick to chime in, with Dario Quist tweeting that it was a "disaster" for Rask and asking, "How can someone with such bad judgement lead us?"',
        'How can someone',
      ),
    ).toBe('Dario Quist');
    expect(
      speakerOf(
        'Tamm suggested that someone who does not answer questions cannot be mayor, while Quist said that the "stakes in this election are too high" for Rask.',
        'stakes in this',
      ),
    ).toBe('Quist');
    expect(
      speakerOf(
        'As Ivo Tamm, the No. 2 in the party, put it: "This person will not be confirmed."',
        'This person',
      ),
    ).toBe('Ivo Tamm');
  });

  it('gives "As Harbourwatch put it, “…”" to the one who put it so', () => {
    expect(
      speakerOf(
        'Quist has a new song. As Harbourwatch put it, "Hello, it is the kid."',
        'Hello, it is',
      ),
    ).toBe('Harbourwatch');
  });
});

describe('quote marks', () => {
  it("opens a quote on a straight mark before an editor's bracket", () => {
    const text =
      'Rask campaigned in Harwick on Monday. "[Quist] does not speak for anyone who thinks our port should be open," Rask said.';
    expect(speakerOf(text, '[Quist] does not speak')).toBe('Rask');
  });
});

describe('owners and openers a pronoun points back past', () => {
  it('does not take the owner opening a sentence for its subject, and follows "But he"', () => {
    const text = [
      'Ashby Rook’s harbour film may have been hurt by its release date, says Tam Dorley, the news editor of trade magazine Reel Weekly.',
      'But he also believes the politics of Rook’s film do not sit well with the jury.',
      '"Juries reward grand costume dramas most years," he said.',
    ].join('\n\n');
    expect(speakerOf(text, 'Juries reward grand')).toBe('Tam Dorley');
  });
});

describe('a pronoun opening a sentence without a speech verb', () => {
  it('is the subject whose quoted words the sentence reports', () => {
    const text = [
      'Opposition spokesman Tom Rask warned councillors the town was giving up its say.',
      'Mr Rask said once Britain had opted in it could not opt out.',
      'He accused the mayor of being "feeble" over the harbour plan and of "giving in" to the developers.',
    ].join('\n\n');
    expect(speakerOf(text, 'feeble')).toBe('Tom Rask');
    expect(speakerOf(text, 'giving in')).toBe('Tom Rask');
  });
});

describe('a run of "he" sentences with a long quotation inside', () => {
  it('counts only the sentences outside the quotation in reaching back to the run’s opener', () => {
    const text = [
      'Two front-runners would have been Tom Rask’s harbour documentary Low Tide and Dan Axeby’s The Long Pier.',
      'Rask’s sharp documentary may have been hurt by its makers’ choice of category, says Ivo Tamm, who edits the industry weekly Reel Notes. But he also believes the politics of Rask’s film do not sit well with the panel. "If you look at past winners, the voters tend to go for safe pictures. Low Tide did not fit. "They go for films with scale," he said. Although he said the jurors were not "ignoring" Rask’s film, he doubted any documentary could take the top prize.',
    ].join('\n\n');
    expect(speakerOf(text, 'ignoring')).toBe('Ivo Tamm');
  });
});
