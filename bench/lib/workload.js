'use strict';
// The canonical workload of the benchmark (issue 8): three documents of about 200 characters,
// the same body with three schema violations, and GET /health.

const TEXTS = [
  'The new release is fantastic and the team did a wonderful job on the documentation, the install was quick, and support answered within minutes with a clear and friendly explanation of everything.',
  'I am disappointed: the update broke our workflow, the error messages are confusing, nobody replied to the ticket for three days, and we lost a whole afternoon rolling the change back by hand.',
  'The meeting is scheduled for Tuesday at ten in the second floor room; bring the quarterly figures, the draft agenda and the list of open questions from the previous review of the project plan.',
];

const valid = { documents: TEXTS.map((text, i) => ({ id: String(i + 1), language: 'en', text })) };

// One violation per document: an unknown language code, an empty text, a missing id.
const invalid = {
  documents: [
    { id: '1', language: 'english', text: TEXTS[0] },
    { id: '2', language: 'en', text: '' },
    { language: 'en', text: TEXTS[2] },
  ],
};

module.exports = {
  KEY: 'bench-key-0123456789',
  HEADER: 'Ocp-Apim-Subscription-Key',
  PATH: '/text/analytics/v2.0/sentiment',
  validBody: JSON.stringify(valid),
  invalidBody: JSON.stringify(invalid),
};
