import { strict as assert } from 'node:assert';
import { applyEdits, lint, sftFile, spans, cleanPair } from '../helpers';

const only = 'pii';
const check = (text: string) => lint(text, { only });
const file = (response: string, extra = '') =>
  sftFile(`id: p1\nprompt: Help me with this.\nresponse: ${response}\n${extra}`);

describe('rule pii', () => {
  it('does not fire on a clean pair', () => {
    assert.deepEqual(check(sftFile(cleanPair('c1'))), []);
  });

  it('finds an email in a plain scalar and masks it', () => {
    const text = file('Write to jane.doe@acme.io for the details.');
    const problems = check(text);
    assert.deepEqual(spans(text, problems), ['jane.doe@acme.io']);
    assert.equal(
      applyEdits(text, problems[0].fixes![0].edits),
      file('Write to [EMAIL] for the details.'),
    );
  });

  it('skips documentation domains (example.com, .test)', () => {
    assert.deepEqual(
      check(file('Use jane@example.com or bob@mail.example.org or a@b.test here.')),
      [],
    );
  });

  it('finds phone numbers in a literal block, international and national', () => {
    const text = file(
      '|\n  Call +44 20 7946 0958 or (555) 123-4567.\n  Or 06 12 34 56 78 and 1-212-555-0199.',
    );
    assert.deepEqual(spans(text, check(text)), [
      '+44 20 7946 0958',
      '(555) 123-4567',
      '06 12 34 56 78',
      '1-212-555-0199',
    ]);
  });

  it('leaves what reaches no person: toll-free lines, the textbook number, public servers, role mailboxes, arithmetic', () => {
    const text = file(
      '|\n  The Lifeline is 1-800-273-8255; the tip line 800-540-7085.\n  Phone: (123) 456-7891\n  server time.nist.gov 192.43.244.18 and DNS 8.8.8.8\n  Write to letters@theatlantic.com or tips@paper.com.\n  2000000-400000 = 1600000, and 4539-1488034-36467 too.',
    );
    assert.deepEqual(check(text), []);
    // A person's own number and mailbox, and a card grouped as cards are, still fire.
    const personal = file(
      '|\n  Call Lawren at 702-383-0381 or llinehan@reviewjournal.com.\n  Card 4539-1488-0343-6467.',
    );
    assert.deepEqual(spans(personal, check(personal)), [
      '702-383-0381',
      'llinehan@reviewjournal.com',
      '4539-1488-0343-6467',
    ]);
  });

  it("leaves an organisation's printed line, a show's mailbox and a made-up table's addresses", () => {
    const text = file(
      '|\n  Anyone with information is asked to call the Flint Police Department at 810-237-6800.\n  Questions? Call us at 650-636-4884.\n  Email your best stuff to TheBigPodcastWithShaq@gmail.com.\n  | Name | Email |\n  | Emma Moore | emoore@email.com |\n  | Kolby Reese | kolbyreese82@email.com |',
    );
    assert.deepEqual(check(text), []);
    // The same numbers after a person's name, and a person's address at a real domain, fire.
    const personal = file(
      '|\n  Contact Lawren Linehan at 810-237-6800 or emoore@suntimes.com.\n  Call the reporter Mitch at 650-636-4884.',
    );
    assert.deepEqual(spans(personal, check(personal)), [
      '810-237-6800',
      'emoore@suntimes.com',
      '650-636-4884',
    ]);
  });

  it('does not take dates, years, ranges, versions or big numbers for phones', () => {
    const text = file(
      '|\n  On 2024-01-15, in 1990-2000, v1.2.3, 15.01.2024 and 1914–1918.\n  A population of 1,402,112,000 or 1 402 112 000, ISBN 978-3-16-148410-0.\n  Order 1234567890123 shipped; scores 10 20 30 40 50 60.',
    );
    assert.deepEqual(check(text), []);
  });

  it('finds a Luhn-valid card in a folded block across a line fold, and ignores a Luhn-failing one', () => {
    const text = file('>\n  My card is 4539 1488 0343 6467 and\n  not 4539 1488 0343 6468 at all.');
    const problems = check(text);
    assert.deepEqual(spans(text, problems), ['4539 1488 0343 6467']);
    assert.equal(
      applyEdits(text, problems[0].fixes![0].edits),
      file('>\n  My card is [CARD] and\n  not 4539 1488 0343 6468 at all.'),
    );
  });

  it('maps a phone inside a double-quoted scalar with escapes', () => {
    const text = file('"He said \\"call 555-867-5309\\"\\nthanks"');
    const problems = check(text);
    assert.deepEqual(spans(text, problems), ['555-867-5309']);
    assert.equal(
      applyEdits(text, problems[0].fixes![0].edits),
      file('"He said \\"call [PHONE]\\"\\nthanks"'),
    );
  });

  it('validates IBANs with mod 97, in a CRLF file', () => {
    const text = file(
      '|\n  Pay GB82 WEST 1234 5698 7654 32 now.\n  Not GB82 WEST 1234 5698 7654 33.\n  Or DE89370400440532013000.',
    ).replace(/\n/g, '\r\n');
    const problems = check(text);
    assert.deepEqual(spans(text, problems), [
      'GB82 WEST 1234 5698 7654 32',
      'DE89370400440532013000',
    ]);
    assert.equal(
      applyEdits(text, problems[0].fixes![0].edits),
      file(
        '|\n  Pay [IBAN] now.\n  Not GB82 WEST 1234 5698 7654 33.\n  Or DE89370400440532013000.',
      ).replace(/\n/g, '\r\n'),
    );
  });

  it('finds national ids after tabs: SSN (not 000/666/9xx), UK NI, Aadhaar with Verhoeff', () => {
    const text = file(
      '"SSN:\\t123-45-6789, not 666-12-3456 or 900-12-3456.\\tNI AB 12 34 56 C.\\tAadhaar 2345 6789 0124, not 2345 6789 0123."',
    );
    assert.deepEqual(spans(text, check(text)), ['123-45-6789', 'AB 12 34 56 C', '2345 6789 0124']);
    const literal = file('|\n  Name:\tJo\n  SSN:\t078-05-1120');
    assert.deepEqual(spans(literal, check(literal)), ['078-05-1120']);
  });

  it('finds IPv4 and IPv6 addresses, skipping versions, masks, private and documentation ranges', () => {
    const text = file(
      '|\n  Server 93.184.216.34, version 1.2.3.4, 256.1.1.1, 192.168.1.1, 203.0.113.5, 255.255.255.0.\n  v6 2a00:1450:4009:81f::200e, not 2001:db8::1, 12:30:45 or std::vector.',
    );
    assert.deepEqual(spans(text, check(text)), ['93.184.216.34', '2a00:1450:4009:81f::200e']);
  });

  it('gives exact ranges next to emoji, right-to-left text, combining marks and CJK', () => {
    const text = file(
      '|\n  مرحبا 👋 راسلني على omar@mail.co.sa شكرا\n  שלום, טלפון +972 50 123 4567 תודה\n  Café\u0301 owner: 555-123-4567\n  请致电+86 138 0013 8000联系',
    );
    assert.deepEqual(spans(text, check(text)), [
      'omar@mail.co.sa',
      '+972 50 123 4567',
      '555-123-4567',
      '+86 138 0013 8000',
    ]);
  });

  it('checks system, context and examples too', () => {
    const text = sftFile(
      'id: p1\nsystem: Contact ops@acme.io\ncontext: "Phone: 020 7946 0958"\nexamples:\n  - input: Mail x@corp.co.uk\n    output: ok\nprompt: Hi there.\nresponse: Hello.',
    );
    assert.deepEqual(spans(text, check(text)), ['ops@acme.io', '020 7946 0958', 'x@corp.co.uk']);
  });

  it('quotes the scalar where a mask would start a plain scalar or sit in a flow map', () => {
    const text = sftFile(
      'id: p1\nprompt: Hi there.\nresponse: bob@acme.io is mine\nexamples: [{input: mail me at a@corp.io, output: ok}]',
    );
    const problems = check(text);
    assert.deepEqual(spans(text, problems), ['bob@acme.io', 'a@corp.io']);
    assert.equal(
      applyEdits(text, problems[0].fixes![0].edits),
      text.replace('bob@acme.io is mine', '"[EMAIL] is mine"'),
    );
    assert.equal(
      applyEdits(text, problems[1].fixes![0].edits),
      text.replace('mail me at a@corp.io', '"mail me at [EMAIL]"'),
    );
  });
});
