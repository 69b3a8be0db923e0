import { describe, expect, it } from 'vitest';
import { speakerOf } from '../helpers/speakers.ts';

// Invented articles, each in the shape of a misattribution seen on real news text.

describe('speech words used as nouns', () => {
  it('do not make the name before "tweet" the speaker', () => {
    const text = [
      'The harbour vote is on Tuesday.',
      'Mara Quist is describing as “reckless” a Tobin Ashgrove tweet attacking the ferry crews.',
    ].join('\n\n');
    expect(speakerOf(text, 'reckless')).toBe('Mara Quist');
  });

  it('do not make an owner of “comments” the speaker', () => {
    const text = [
      'Tobin Ashgrove and Mara Quist met in Portline for a debate on Monday.',
      'At the debate, Quist cited Ashgrove’s old names for the pier, “the Rust Heap” and “the Plank”, as examples of Ashgrove’s careless comments about the town.',
    ].join('\n\n');
    expect(speakerOf(text, 'the Rust Heap')).toBe('Mara Quist');
  });
});

describe('speech verbs', () => {
  it('count an -ing form as a verb ("footage of Quist asking")', () => {
    const text = [
      'The Portline Gazette released a video on Friday.',
      'The video uses footage of Mara Quist asking, “Why is the pier still closed, you might ask?”',
    ].join('\n\n');
    expect(speakerOf(text, 'Why is the pier')).toBe('Mara Quist');
  });

  it('skip a participle phrase opening the sentence ("Asked about X, Y said")', () => {
    const text = [
      'Tobin Ashgrove called the fire an attack on Sunday.',
      'Asked about Ashgrove’s claim that it had been arson, Mara Quist said, “It is wiser to wait for the facts before we decide anything.”',
    ].join('\n\n');
    expect(speakerOf(text, 'It is wiser')).toBe('Mara Quist');
    const claiming = [
      'Tobin Ashgrove spoke to the Portline Gazette on Monday.',
      'Claiming the inquiry into Edda Rask was a stunt, Ashgrove told the Gazette that "they want to scare the harbour board."',
    ].join('\n\n');
    expect(speakerOf(claiming, 'they want to scare')).toBe('Tobin Ashgrove');
  });
});

describe('names and titles around the speaker', () => {
  it('give a quote to the person an organisation name only titles', () => {
    const text = [
      'The harbour plan was debated in Portline this week.',
      'Harbour Board Chair Mara Quist, in particular, has been steadily calling Tobin Ashgrove a “dreamer” for months.',
    ].join('\n\n');
    expect(speakerOf(text, 'dreamer')).toBe('Mara Quist');
  });

  it('skip a party tag in parentheses after the speaker', () => {
    const text = [
      'The senators argued about the harbour on Monday.',
      '“The pier was ready. The pier was safe. The pier did not need a new board,” Sen. Mara Quist (D-Ore.) said.',
    ].join('\n\n');
    expect(speakerOf(text, 'The pier was ready')).toBe('Mara Quist');
  });
});

describe('who else the sentence names', () => {
  it('skips a party tag set off by commas', () => {
    const text = [
      'The senators argued about the harbour on Monday.',
      'Sen. Mara Quist, R-Ore., said the pier was “a disgrace to the town.”',
    ].join('\n\n');
    expect(speakerOf(text, 'a disgrace')).toBe('Mara Quist');
  });

  it('does not take a name after a preposition for the subject', () => {
    const text = [
      'Marrowby is a harbour town.',
      'Mara Quist, speaking at a rally in Marrowby, said the plan was “a disaster for the harbour.”',
    ].join('\n\n');
    expect(speakerOf(text, 'a disaster')).toBe('Mara Quist');
  });

  it('does not take an owner for the subject ("X, Y’s husband, said")', () => {
    const text = [
      'Mara Quist is running for mayor.',
      'Tobin Ashgrove, Mara Quist’s husband, said the plan was “dead on arrival.”',
    ].join('\n\n');
    expect(speakerOf(text, 'dead on arrival')).toBe('Tobin Ashgrove');
  });

  it('gives a quote to the aide a person’s name only titles ("Quist campaign chairman X")', () => {
    const text = [
      'Mara Quist is running for mayor.',
      '“The plan is dead,” said Quist campaign chairman Tobin Ashgrove.',
    ].join('\n\n');
    expect(speakerOf(text, 'The plan')).toBe('Tobin Ashgrove');
  });

  it('reads the cue between two quotes of one sentence for the second', () => {
    const text = [
      'Mara Quist and Tobin Ashgrove toured the pier on Monday.',
      'Mara Quist insisted the pier was “safe,” even as Tobin Ashgrove called it “a wreck.”',
    ].join('\n\n');
    expect(speakerOf(text, 'safe')).toBe('Mara Quist');
    expect(speakerOf(text, 'a wreck')).toBe('Tobin Ashgrove');
  });
});

describe('who speaks for whom', () => {
  it('gives the words of "officials at" a body to the body', () => {
    const text = [
      'The pier has been closed since March.',
      'Officials at the Marrowby Harbour Board, a branch of the Portline Council, said they feared that the pier "may never open again" without repairs.',
    ].join('\n\n');
    expect(speakerOf(text, 'may never open')).toBe('Marrowby Harbour Board');
  });

  it('reads a speaker past an abbreviated title the splitter ended a sentence at', () => {
    const text = [
      'The harbour committee voted on Thursday.',
      '"The vote is a farce. It is wrecking our panel," said Del. Mara Quist of Portline.',
    ].join('\n\n');
    expect(speakerOf(text, 'The vote is a farce')).toBe('Mara Quist');
  });
});

describe('words after a quote that name no speaker', () => {
  it('a second predicate ("… “unsafe” and says he will …") leaves the subject before', () => {
    const text = [
      'Lars Venn spoke at the harbour on Monday.',
      'Tobin Ashgrove tells the dockers union the pier is “unsafe” and says he will rebuild it.',
    ].join('\n\n');
    expect(speakerOf(text, 'unsafe')).toBe('Tobin Ashgrove');
  });
});

describe('names after the speech verb', () => {
  it('reach past a long title to the name ("said Portline-based harbour lawyer X")', () => {
    const text = [
      'The ferry company is fighting the sale.',
      '"The boats belong to the Harbour Board, which must therefore cover the wages," said Portline-based harbour lawyer Mara Quist, who is not part of the case.',
    ].join('\n\n');
    expect(speakerOf(text, 'The boats')).toBe('Mara Quist');
  });

  it('never make a name of a capitalised pronoun opening a sentence', () => {
    const text =
      'When my uncle talked about sea monsters, I grinned and said, "Sea monsters are a myth." She looked so hurt that I took it back: "Fine, sea monsters are real."';
    expect(speakerOf(text, 'Fine, sea monsters')).not.toBe('She');
  });

  it('take the person before an apposition, not a name inside it', () => {
    const text = [
      'Mr Venn spoke first.',
      'Lars Venn, Harbour party chairman, called the comeback of Mr Rask proof of "underhand moves" by the board.',
    ].join('\n\n');
    expect(speakerOf(text, 'underhand')).toBe('Lars Venn');
  });
});

describe('passive verbs and relative clauses', () => {
  it('give the quote to the agent after "by"', () => {
    const text = [
      'Mara Quist and Tobin Ashgrove are running for mayor of Portline.',
      'Ashgrove was accused by Quist of running “a campaign of fear.”',
    ].join('\n\n');
    expect(speakerOf(text, 'a campaign')).toBe('Mara Quist');
  });

  it('let "by X, who said" make X the speaker, but not "X, who was appointed by Y, said"', () => {
    const agent = [
      'Mara Quist and Tobin Ashgrove are running for mayor of Portline.',
      'Ashgrove was criticised on Monday by Quist, who said he ran “a campaign of fear.”',
    ].join('\n\n');
    expect(speakerOf(agent, 'a campaign')).toBe('Mara Quist');
    const appointed = [
      'Mara Quist and Tobin Ashgrove run the harbour board.',
      'Mara Quist, who was appointed by Tobin Ashgrove, said the pier was “safe.”',
    ].join('\n\n');
    expect(speakerOf(appointed, 'safe')).toBe('Mara Quist');
  });
});

describe('speech blamed on someone', () => {
  it('goes to the person blamed for saying it ("X mocked Y for saying …")', () => {
    const text = [
      'Mara Quist and Tobin Ashgrove are running for mayor of Portline.',
      'Ashgrove mocked Quist for saying the harbour was “finished.”',
    ].join('\n\n');
    expect(speakerOf(text, 'finished')).toBe('Mara Quist');
  });
});

describe('quotes without a cue of their own', () => {
  it('go to the person the sentence before is about', () => {
    const text = [
      'The harbour board met on Monday.',
      'On Harbour Radio, Sen. Mara Quist (Ore.), who lost the race to Tobin Ashgrove, named the closed pier as the reason voters were angry. “The people of this town are tired of waiting for repairs.”',
    ].join('\n\n');
    expect(speakerOf(text, 'The people of this town')).toBe('Mara Quist');
  });

  it('take the cue of the quote right beside them (“A.” “B,” said X)', () => {
    const text = [
      'Mara Quist lost the race to Tobin Ashgrove on Monday.',
      'Ashgrove was happy.',
      '“It really hurts.” “It was my mistake,” said Quist, who races again on Friday.',
    ].join('\n\n');
    expect(speakerOf(text, 'It really hurts')).toBe('Mara Quist');
  });

  it('keep a signature after a quote holding a nested quote', () => {
    const text = [
      '“The pier is a wreck.” ― Lars Venn',
      '“As a fisherman, I would rather sail in what he calls “rough water” than stay in port.” ― Edda Rask',
    ].join('\n\n');
    expect(speakerOf(text, 'As a fisherman')).toBe('Edda Rask');
  });
});

describe('speakers named by a description or "it"', () => {
  it('gives "the … actor said" and "said the … champion" to the person named before', () => {
    const text = [
      'Tomas Verlin flew to New York to raise money for the Ashby Playhouse.',
      'The Marrowby-born actor, whose films include Harbour Lights, said: "The Playhouse gave me my start."',
      'Runner Ana Ruiz said the team would understand.',
      '"We would welcome her back any day," said the national fell-running champion.',
    ].join('\n\n');
    expect(speakerOf(text, 'The Playhouse gave me')).toBe('Tomas Verlin');
    expect(speakerOf(text, 'We would welcome her')).toBe('Ana Ruiz');
  });

  it('gives "said the magazine" and "it said" to the organisation named before', () => {
    const text = [
      'The list was drawn up by the technology magazine Gadget Weekly.',
      '"Every entry had to fit in a coat pocket," said the magazine.',
      'Velkor Group said the feature was still on trial. It said: "Users can switch it off at any time."',
    ].join('\n\n');
    expect(speakerOf(text, 'Every entry had to fit')).toBe('Gadget Weekly');
    expect(speakerOf(text, 'Users can switch')).toBe('Velkor Group');
  });

  it('takes "He" opening the sentence before a lone quote as its subject, not the first name in it', () => {
    const text = [
      'Carl Wendt finished third in Athens.',
      'He finished behind Tom Pell and Dana Holt on the last lap.',
      '"That third place still stings."',
    ].join('\n\n');
    expect(speakerOf(text, 'That third place')).toBe('Carl Wendt');
  });
});

describe('an owner and the person it owns', () => {
  it('gives the quote to the person named after the possessive, not the owner', () => {
    const text = [
      'Mara Quist won the harbour vote in Portline.',
      '“What strikes me is how slowly the race turns,” Velkor’s Ada Sharrow said.',
      '“No mayor has ever done that,” said Quist’s top foreign policy aide Jon Rask.',
      'Harbour Radio’s Kit Warrender said: “Not today.”',
    ].join('\n\n');
    expect(speakerOf(text, 'What strikes me')).toBe('Ada Sharrow');
    expect(speakerOf(text, 'No mayor has ever')).toBe('Jon Rask');
    expect(speakerOf(text, 'Not today')).toBe('Kit Warrender');
  });
});

describe('inserted cues', () => {
  it('gives the sentence’s quoted words to the person an inserted “said X” names', () => {
    const text = [
      'Mara Quist ran for the harbour board in 2008.',
      'Quist “held up well among farmers” in that race, said Ashford University professor Ora Beckwith.',
      'The puzzle of Quist, says Cato Antrim, historian at the Harbour Library, is that she was “a mayor who ruled by consent alone.”',
    ].join('\n\n');
    expect(speakerOf(text, 'held up well')).toBe('Ora Beckwith');
    expect(speakerOf(text, 'a mayor who ruled')).toBe('Cato Antrim');
  });

  it('keeps the subject when the name after “said” is who the words are about', () => {
    const text = [
      'Mara Quist ran the harbour board for a decade.',
      'In an interview, Ivo Tamm, a former board member, said Quist “was heavily involved in all of it.”',
      'Recalling the vote, Dan Axeby, who was chief strategist for Mara Quist, said of Tobin Ashgrove: “My worry is whether he can bend that far.”',
    ].join('\n\n');
    expect(speakerOf(text, 'was heavily involved')).toBe('Ivo Tamm');
    expect(speakerOf(text, 'My worry is')).toBe('Dan Axeby');
  });

  it('does not take who is spoken of (“said of X”) for the speaker', () => {
    const text =
      'Recalling that moment, Dan Axeby, who was chief strategist for Mara Quist, said of Tobin Ashgrove: “My worry is whether he can bend that far.”';
    expect(speakerOf(text, 'My worry is whether')).toBe('Dan Axeby');
  });
});

describe('a role qualified by plain nouns before a name', () => {
  it('gives the quote to the person, not the party that titles them', () => {
    const text =
      'Harbour Party home affairs spokesman Rhys Olander has branded the ferry timetable "a muddle". He said: "Nobody at the board read it twice."';
    expect(speakerOf(text, 'a muddle')).toBe('Rhys Olander');
    expect(speakerOf(text, 'Nobody at the board')).toBe('Rhys Olander');
  });
});

describe('a name between two quotes of one sentence', () => {
  it('is the next clause’s subject only when the first quote closed its clause', () => {
    const text = [
      'Dan Axeby says his “friend and rival” Mara Hale ran “a hopeful campaign about the harbour.”',
      'Mara Hale called it “a farce”, even as Dan Axeby called it “a triumph.”',
    ].join('\n\n');
    expect(speakerOf(text, 'a hopeful campaign')).toBe('Dan Axeby');
    expect(speakerOf(text, 'a triumph')).toBe('Dan Axeby');
  });
});

describe('shouted words', () => {
  it('reads yelling as a way of saying', () => {
    const text = [
      'Tom Rask spoke on Monday.',
      'At a rally in Ashford on Saturday, some of the crowd pushed a protester, with Rask reportedly yelling: “Get him out of here!”',
    ].join('\n\n');
    expect(speakerOf(text, 'Get him out')).toBe('Tom Rask');
  });
});

describe('a quote presented as someone’s assessment', () => {
  it('goes to the one named after “is the … assessment of”', () => {
    const text = [
      'Tom Rask told members on Friday that he is "back" and wants another term.',
      '"Residents like the council more than its own members do," is the wry assessment of Ada Rook, head of the Green group on Marrow Council.',
    ].join('\n\n');
    expect(speakerOf(text, 'Residents like the council')).toBe('Ada Rook');
  });
});

describe('a speech word inside a name', () => {
  it('is part of the name, not the verb of the sentence', () => {
    const text = [
      'The vote is next week.',
      'Dana Holt, spokeswoman for Harbour Says No, said the rival campaign had sunk "into the mud".',
      '“Not ours, but we like it!” Tom Rask, the head of Harbour Says Yes, Tweeted on Friday.',
    ].join('\n\n');
    expect(speakerOf(text, 'into the mud')).toBe('Dana Holt');
    expect(speakerOf(text, 'Not ours')).toBe('Tom Rask');
  });
});
