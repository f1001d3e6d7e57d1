// Write a rubric in code (YAML works the same), validate it, and grade with it.
import { grade, parseRubric } from 'rubricate';

const rubric = parseRubric(`
id: networking/tcp-vs-udp
title: TCP versus UDP
question: Name two differences between TCP and UDP.
concepts:
  - id: connection
    label: TCP is connection-oriented, UDP is connectionless
    match: [connection oriented, connectionless, (three way|3 way) handshake]
    feedback: { missing: Say that TCP sets up a connection and UDP does not. }
  - id: reliability
    label: TCP guarantees delivery and order
    match: [reliable, (guarantee*|ensure*) .. (delivery|order), retransmi*]
    feedback: { missing: Say that TCP retransmits lost segments and keeps them in order. }
groups:
  - { id: two, label: Two differences, of: [connection, reliability], need: 2, points: 2 }
`);
const report = grade(
  rubric,
  'TCP is connection-oriented and retransmits lost packets; UDP is connectionless.',
);
console.log(
  `${report.score}/${report.maxScore}`,
  report.concepts.map((c) => `${c.id}:${c.status}`).join(' '),
);
