import { BASELINE_REFERENCE, type SemEvalBaselineResult } from './baselines.js';
import { CORPORA, type SemEvalCorpus, type SemEvalSplit } from './datasets.js';
import {
  type SemEvalAliasEvaluation,
  type SemEvalEvaluation,
  type SemEvalSplitMetrics,
  THREE_WAY_LABELS,
} from './evaluateSemEval.js';
import { cell, f3, pct, table } from './markdown.js';

/** The README's reference 2-way macro-F1 for a corpus/split, or "—" when it gives none. */
function reference(corpus: SemEvalCorpus, split: SemEvalSplit): string {
  const byCorpus: Partial<Record<string, number>> = BASELINE_REFERENCE.semEvalMacroF1[corpus];
  const value = byCorpus[split];
  return value === undefined ? '—' : f3(value);
}

/** Per-corpus thresholds as "sciEntsBank 0.285, beetle 0.480". */
function thresholdsText(thresholds: Readonly<Record<SemEvalCorpus, number>>): string {
  return CORPORA.map((corpus) => `${corpus} ${f3(thresholds[corpus])}`).join(', ');
}

function baselineTable(baseline: readonly SemEvalBaselineResult[]): string {
  return table(
    ['Corpus', 'Split', 'n', 'Threshold', '2-way macro-F1', 'Weighted F1', 'Accuracy', 'README macro-F1'],
    baseline.map((r) => [
      r.corpus,
      r.split,
      String(r.size),
      f3(r.threshold),
      f3(r.macroF1),
      f3(r.weightedF1),
      pct(r.accuracy),
      reference(r.corpus, r.split),
    ]),
    [false, false, true, true, true, true, true, true],
  );
}

/** "top 10, in ≥ 4 correct answers, lift ≥ 1.5" for one corpus's alias rules. */
function rulesText(aliases: SemEvalAliasEvaluation, corpus: SemEvalCorpus): string {
  const r = aliases.rules[corpus];
  return `${corpus}: at most ${r.top} per rubric, each in ≥ ${r.minCount} correct answers with lift ≥ ${r.minLift}`;
}

/**
 * The alias subsection: drafted rubrics extended with aliases suggested from `train` answers, on test-unseen-answers
 * only, beside the required-protocol figures of the same split, with the method, the cross-validation that chose
 * it and examples of what it adds.
 */
function aliasSection(
  evaluation: SemEvalEvaluation,
  aliases: SemEvalAliasEvaluation,
  base: ReadonlyMap<string, number>,
): string[] {
  const drafted = new Map(evaluation.splits.map((s) => [`${s.corpus} ${s.split}`, s]));
  const rows: string[][] = [];
  const metrics = (label: string, s: SemEvalSplitMetrics) => [
    s.corpus,
    label,
    String(s.n),
    pct(s.twoWay.accuracy),
    f3(s.twoWay.macroF1),
    f3(s.twoWay.weightedF1),
    pct(s.threeWay.accuracy),
    f3(s.threeWay.macroF1),
    f3(s.threeWay.weightedF1),
    f3(base.get(`${s.corpus} ${s.split}`) ?? Number.NaN),
    reference(s.corpus, s.split),
  ];
  for (const s of aliases.splits) {
    const plain = drafted.get(`${s.corpus} ${s.split}`);
    if (plain) rows.push(metrics('drafted (required protocol, as above)', plain));
    rows.push(metrics('drafted + aliases suggested from train answers', s));
  }
  const added = CORPORA.map(
    (c) => `${c} ${aliases.added[c].aliases} aliases in ${aliases.added[c].rubrics} rubrics`,
  ).join(', ');
  return [
    '### Drafted + aliases suggested from train answers (test-unseen-answers only)',
    '',
    'A second, separately labelled measurement, not the headline: the figures above follow the required protocol',
    '(rubrics drafted from the references, no hand edits) and stay as they are. This one measures the workflow the',
    'product offers for paraphrase — draft a rubric, then add the aliases `suggestAliases` finds in marked answers —',
    'done automatically. test-unseen-answers asks the `train` questions again, so each question’s `train` answers',
    'are legitimate marked data for its rubric; the other test splits ask questions with no `train` answers and are',
    'not affected.',
    '',
    table(
      [
        'Corpus',
        'Rubrics',
        'n',
        '2-way accuracy',
        '2-way macro-F1',
        '2-way weighted F1',
        '3-way accuracy',
        '3-way macro-F1',
        '3-way weighted F1',
        'Baseline macro-F1',
        'README baseline',
      ],
      rows,
      [false, false, true, true, true, true, true, true, true, true, true],
    ),
    '',
    '**Method** (`eval/suggestSemEvalAliases.ts`, fully automatic and deterministic). For each drafted rubric of a',
    'question with `train` answers, `suggestAliases(rubric, marked)` runs on those answers, `correct` ones at full',
    'marks and the others at 0. Its suggestions — phrases of 1–3 content words that correct answers use where no',
    'pattern matches, ranked by lift (share of correct answers using the phrase ÷ share of the others, smoothed) —',
    'are taken in order while they meet the rules, and each is added as a pattern to the nearest *required* concept',
    '(required concepts gate coverage), or to the concept `suggestAliases` names as nearest when none is required.',
    'Rules (`ALIAS_RULES`), on the first reference’s rubric only (Beetle’s [BEST]; SciEntsBank has one reference):',
    '',
    ...CORPORA.map((c) => `- ${rulesText(aliases, c)};`),
    '',
    `Added from the full \`train\` split: ${added}. Thresholds (\`ALIAS_COVERAGE_THRESHOLDS\`, tuned on \`train\``,
    `graded with the extended rubrics): ${thresholdsText(aliases.thresholds)}; re-tuning today gives ${thresholdsText(aliases.retuned)}.`,
    '',
    '**How the rules were chosen** (`eval/crossValidateAliases.ts`, `train` only). 5-fold cross-validation over the',
    'answers of each question (per question, answers in `student_answer_id` order, fold = position mod 5): suggest',
    'aliases from four folds’ answers, tune the threshold on those four folds graded with the extended rubrics, score',
    'the fifth; the same folds without aliases are the comparison. Mean 2-way macro-F1 over the folds, no aliases →',
    'chosen rules: SciEntsBank 0.6853 → 0.7261, Beetle 0.7544 → 0.7599; with a second, hashed fold assignment',
    '0.6848 → 0.7255 and 0.7543 → 0.7589. About 30 variants were compared, so the chosen figures are somewhat',
    'optimistic. SciEntsBank gained under every variant (0.700–0.726): at most 1–10 aliases per rubric, in ≥ 2–5',
    'correct answers, lift ≥ 1.5–5, added to the nearest concept (0.720 at 3 aliases), the nearest required one',
    '(0.720) or as a new concept (0.709). Beetle mostly lost: aliases on every reference’s rubric gave 0.722–0.755',
    '(0.754 without), on the [BEST] rubric only 0.752–0.760, best with the strictest rules (one alias, in ≥ 5',
    'correct answers, lift ≥ 3). Tuning the threshold on out-of-fold coverage of the four folds instead of in-sample',
    'changed little (SciEntsBank 0.7192 against 0.7198). These figures and the examples below were measured with the',
    'drafter before the cross-validated drafter changes described above; the rules were not re-chosen after them.',
    '',
    '**What the aliases look like** (added from the full `train` split; counts are correct and other `train` answers',
    'using the phrase). Good: students’ own words for the idea — “suck” for the root taking up water (SciEntsBank',
    'ST_52a, 6 and 0), “bigger” for “the longest and fattest tube” (PS_15bp, 15 and 2), “smaller” for “different',
    'sized hands” (MS_64a, 7 and 0), “let the water” [evaporate] for “the water was evaporated” (EM_45b, 7 and 0).',
    'Bad: words that merely co-occur with right answers — the same EM_45b rubric also got “put” and “dish”, which',
    'credit “By letting it sit in a dish for a day.”; “see” for seeing multiple colors (II_20b, 5 and 5) credits',
    '“She will see the different pigments.”; “maybe” for the marbles’ different masses (MS_43a, 4 and 3); on Beetle,',
    '“contained” for “in the same path” (PARALLEL_SWITCH_EXPLAIN_Q3, 11 and 14) credits “a bulb must be contained in a',
    'closed path with the battery”. Across `train` (in-sample), the aliases move 431 answers to the right side of the',
    'threshold and 172 to the wrong side. A rubric author would review suggestions and drop the bad ones; here none',
    'was reviewed.',
    '',
  ];
}

/**
 * The SemEval section of docs/ACCURACY.md: drafted-rubric agreement 2-way and 3-way per corpus and split beside
 * the word-overlap baseline of the same run, what the numbers mean, 3-way confusion matrices, example
 * disagreements and the baseline table.
 */
export function renderSemEvalSection(
  evaluation: SemEvalEvaluation,
  baseline: readonly SemEvalBaselineResult[],
): string[] {
  const base = new Map(baseline.map((b) => [`${b.corpus} ${b.split}`, b.macroF1]));
  const { drafted } = evaluation;
  const tests = evaluation.splits.filter((s) => s.split !== 'train');
  const out: string[] = [
    `Every reference answer is drafted into a rubric with \`draftRubric(reference, { question })\` — question and`,
    `reference only, no hand edits, all Beetle reference kinds — giving ${drafted.rubrics} rubrics for ${drafted.questions} questions`,
    `(${drafted.failed} references had no words to draft from; SHA-256 of the drafted YAML \`${drafted.sha256.slice(0, 16)}…\`).`,
    'Each answer is graded against every rubric of its question. Its **coverage** is the best ratio over those rubrics,',
    'counting a rubric only when every concept it marks `required` is met, and counting a ratio from a Beetle',
    '`[MINIMAL]` or `[KEYWORD]` reference at 0.8 (they state the bare minimum, so matching one is weaker evidence). Labels:',
    '',
    `- **correct** when coverage ≥ the corpus’s threshold (${thresholdsText(evaluation.thresholds)}) (covered);`,
    '- else **contradictory** when some rubric finds a concept negated or a drafted opposite stated;',
    '- else **incorrect**.',
    '',
    'The fitted numbers are the two thresholds and the 0.8 reference weight. Each threshold was chosen for 2-way',
    'macro-F1 on its corpus’s `train` split, then frozen (`COVERAGE_THRESHOLDS` in `eval/evaluateSemEval.ts`);',
    `re-tuning on today’s train rows gives ${thresholdsText(evaluation.retuned)}. The weight (and the decision`,
    'rule itself) was chosen by 5-fold cross-validation over questions within Beetle `train`: tune the threshold on',
    'four folds of questions, score the fifth. The drafting choices (which phrases become concepts, which are',
    'required, the word lists) were kept or dropped by their `train` figures too; no test figure decided between options, except once, stated below (the paraphrase table).',
    'Tried on `train` and dropped: merging drafted concepts with identical patterns (SciEntsBank cross-validated',
    'macro-F1 0.684 → 0.677), leaving the compounded noun out of noun-phrase patterns (no change), and scaling',
    'coverage by the share of required concepts met instead of zeroing it (SciEntsBank 0.684 → 0.677).',
    'Also tried and dropped: WordNet 3.1 (Princeton University) synonyms as more alternatives for each drafted pattern',
    'word — the words of its first 1, 2, 3, 5 or 8 senses, with or without derivationally related forms, similar',
    'adjectives or direct hyponyms, tagged senses only, single-word synonyms only, some parts of speech only, or only the',
    'sense whose gloss best overlaps the question. Cross-validated over 5 folds of questions (round-robin by sorted',
    'question id; 0.680 SciEntsBank and 0.750 Beetle without synonyms), the best variant (3 senses) reached 0.684 on',
    'SciEntsBank and fell to 0.749 on Beetle, and no variant raised both. On SciEntsBank `train` its synonyms raised',
    'the coverage of more incorrect answers (142) than correct ones (105): students’ paraphrases are rarely WordNet',
    'synonyms of the reference’s words, and the synonyms of other senses credit wrong answers.',
    '',
    '**Also tried and dropped: a paraphrase table learned from `train` answers** (cross-validated as in',
    '`eval/crossValidateDrafts.ts`; the learner and the `synonyms` drafting option it needs were not kept, in the',
    'package or the repository). For each `train` question',
    'and each content lemma *w* of its references that the question does not use, the answers that do not say *w*',
    '(by lemma or stem) were split into correct and the rest, and each content lemma *v* they use that the references',
    'and question do not was counted in both. A pair *w* → *v* was kept when *v* favoured the correct answers in ≥ *k*',
    'questions (each with ≥ *m* correct answers using it), so that it recurs across questions, and its lift pooled over',
    'the questions with *w* (share of correct answers lacking *w* that use *v* ÷ the same share of the others,',
    'smoothed) reached a minimum; the top *n* per word were added to that word’s alternatives in every drafted pattern.',
    'Chosen by 5-fold cross-validation over questions within `train` (each corpus’s questions sorted by id, fold =',
    'position mod 5; the table learned from the other four folds, and from all of the other corpus’s `train` when',
    'learning from both; held-out questions drafted with it; threshold tuned on the four folds drafted with the same',
    'table — tuning on them drafted without it, or cross-fitted, gave the same figures). Without the table 0.6902 /',
    '0.7567 (SciEntsBank / Beetle). About 90 settings: learnt per corpus, *k* = 3, *m* = 1, top 1, lift ≥ 2 gave',
    '0.6934 / 0.7520 and top 3 0.6914 / 0.7367; *k* = 5 learns almost nothing on SciEntsBank (0.6902; Beetle',
    '0.737–0.758); *k* = 2, *m* = 1 gave 0.6915–0.6930 / 0.727–0.747; learnt from both corpora with *m* = 1,',
    '0.692–0.6934 / 0.736–0.753; requiring *v* to be rare in correct answers that do say *w* gave Beetle 0.737–0.758',
    '(0.7579 with *k* = 5 and 3 pairs, SciEntsBank unchanged), keeping each *v* for one *w* only 0.732–0.752. Only both',
    'corpora, *k* = 2, *m* = 2, top 1 raised both: lift ≥ 3, 4, 6 gave 0.6935–0.6937 / 0.7609–0.7629 (top 2:',
    '0.6932–0.6934 / 0.7552–0.7586; *m* = 3: 0.6895–0.6899 / 0.7604–0.7605;',
    '*k* = 3: ≤ 0.6905 / ≤ 0.7575). Lift ≥ 6 was frozen (0.6937 / 0.7629; per fold SciEntsBank 0.647 0.657 0.697 0.754',
    '0.696 → 0.647 0.659 0.700 0.754 0.709, Beetle 0.773 0.738 0.748 0.753 0.771 → 0.785 0.758 0.740 0.755 0.776):',
    'gains within the spread of the folds, from the best of many settings. Learnt from all of `train` it held 30',
    'pairs. Good: “big” for “large” (13 correct and 2 other `train` answers lacking the reference word), “hot” for',
    '“heat” (14 and 1), “pathway” for “path” (29 and 9, in 8 questions), “separate” for “different” (17 and 5),',
    '“carbon” [dioxide] for “gas” (18 and 2), “feed” for “food”. Bad: “where” for “launch” (14 and 0), “only” for',
    '“gap”, “electrical” and “negative”, “close” for “battery” (53 and 8), “separate” for “same” (its opposite), “small”',
    'for “longer”, “need” for “point”. With the thresholds re-tuned on `train` (SciEntsBank 0.300 unchanged, Beetle',
    '0.4286 → 0.5; alias thresholds unchanged), one run on the test splits gave 2-way macro-F1 SciEntsBank train',
    '0.694 → 0.701, unseen answers 0.681 → 0.680, unseen questions 0.741 → 0.744, unseen domains 0.690 → 0.690; Beetle',
    'train 0.761 → 0.764, unseen answers 0.763 → 0.760, unseen questions 0.723 → 0.672 (3-way 0.462 → 0.440), below the',
    'word-overlap baseline (0.694); with aliases, unseen answers 0.732 → 0.727 and 0.766 → 0.752. The Beetle unseen',
    'questions loss comes from the table, not the threshold (0.672 at 0.4286 too). The table was dropped after that',
    'run — a decision taken on test figures, so it is reported here in full. The table also strains the datasets’',
    'rule that a rubric for an unseen question comes from its question and reference alone: it is learned from other',
    'questions’ answers.',
    '',
    '**Drafter changes chosen by cross-validation over questions** (`eval/crossValidateDrafts.ts`, `train` only: each',
    'corpus’s `train` questions sorted by id, fold = position mod 5, threshold tuned on four folds, 2-way macro-F1 on',
    'the fifth, mean over folds). Changes were added one at a time, each kept only when it raised one corpus without',
    'lowering the other against the set kept before it. Kept (SciEntsBank / Beetle; today’s drafter 0.6796 / 0.7500;',
    'in brackets the change alone on today’s drafter):',
    '',
    '- a gap of up to 2 words between a modifier and the noun it qualifies, so “same path” also credits “same closed',
    '  path” (0.6796 / 0.7524; Beetle `train` correct answers at coverage 0: 317 → 229);',
    '- a verb’s particle stays a separate pattern word, so “burn out” credits “burned out” (before, “burns out” became',
    '  the single word `burnsout`) (0.6801 / 0.7524; alone 0.6801 / 0.7500);',
    '- a negation cue up to 5 words before the phrase it negates, not 3 (“does not have the wire to make a complete',
    '  circuit”) (alone 0.6797 / 0.7505);',
    '- no concept from the words of a fixed expression (“in order to”, “at least”, “due to”, “each other”, …)',
    '  (alone 0.6801 / 0.7503); with the three above and two noise-level variants later dropped (below): 0.6808 / 0.7533;',
    '- a phrase stating a relation (same/different, open/closed, connected/separated, complete/incomplete) is',
    '  required only when the answer drafts at most 2 concepts: in a longer answer it is one point among several, and',
    '  requiring it failed answers that made the others (0.6840 / 0.7572; alone 0.6830 / 0.7479, which lowers Beetle);',
    '  without the two noise-level variants: 0.6839 / 0.7566;',
    '- the concepts of the first sentence that drafts any get 2 points when later sentences draft more, since a model',
    '  answer states its answer first and explains after (0.6902 / 0.7568; 1.5 points 0.6885, 3 points 0.6890,',
    '  5 points 0.6866 on SciEntsBank, Beetle unchanged — its references are mostly one sentence).',
    '',
    'Overall 0.6796 → 0.6902 on SciEntsBank and 0.7500 → 0.7568 on Beetle (in-sample on all of `train` with re-tuned',
    'thresholds: 0.6852 → 0.6943 and 0.7546 → 0.7610), and the thresholds were re-tuned on `train` to the values above',
    '(from 0.285 / 0.48). About 40 variants were compared, so the chosen figures are somewhat optimistic, and folds are',
    'noisy: with the modifier gaps one Beetle fold’s tuned threshold jumped from 0.48 to 0.27 and its F1 fell 0.766 →',
    '0.711 while the other folds rose. Tried and dropped (same protocol, against the drafter of the time):',
    'never requiring a relation (0.6831 / 0.7301), requiring it only when negated (0.6831 / 0.7275), only when its',
    'sentence drafts nothing else (0.6802 / 0.7303), only when the answer has one relation (0.6800 / 0.7492), only in',
    'a one-sentence answer (0.6840 / 0.7523 against 0.6808 / 0.7533), up to 3 or 4 concepts instead of 2 (0.6819 /',
    '0.7580 and 0.6816 / 0.7478, against 0.6840 / 0.7572), a relation worth 2, 3 or 5 points instead of required',
    '(Beetle 0.725–0.731); crediting a noun phrase’s head noun alone as a `partial` pattern (0.6803 / 0.7462); dropping',
    'concepts of a lone degree word such as “more” or “least” (0.6697 / 0.7500), of verbs (0.6732 / 0.7191) or of',
    'adverbs (0.6666 / 0.7500); verbs at half a point (0.6751 / 0.7514); points by the number of pattern words',
    '(0.6693 / 0.7417); gaps of 3 or 1 words inside noun phrases (0.6794 / 0.7502, 0.6800 / 0.7413); comparative and',
    'superlative as alternatives (“closest|closer”) and more negation cues (“none”, “nothing”, “nor”, “neither”)',
    '(+0.0001 / 0 and 0 / +0.0003 alone: noise, so left out of the final set); a concept for a leading “yes”/“no” (0.6841 / 0.7559 against 0.6839 / 0.7566);',
    'points shared out evenly per sentence (0.6799 / 0.7562).',
    '',
    '**A correctness fix kept against that protocol.** A drafted rubric now gives its own model answer full marks: a',
    'concept the model answer states inside a negation (“the terminals are not connected”, “not separated by the gap”)',
    'gets `negation: ignore`, so an answer that says the same is not marked as negating it. Before, 51 of the 443',
    'drafted rubrics scored their own reference below full marks: 80 concepts negated in it, and 3 whose patterns',
    'missed the reference’s own wording (“neither B nor C”: a cue outside the pattern’s list; “no longer a closed path',
    'containing Bulb C”: words left out without a gap). Now all 443 give their reference full marks, and a property',
    'test checks it on generated answers. Cross-validated on `train` as above it moved',
    'SciEntsBank 0.6902 → 0.6905 and Beetle 0.7567 → 0.7550 (folds 0.773 0.738 0.748 0.753 0.771 → 0.771 0.735 0.748',
    '0.749 0.773): within the spread of the folds, but a loss, which the protocol would drop. It was kept, before any test',
    'split was scored with it, because a draft that fails its own model answer is wrong for every user of `draftRubric`;',
    'it credits correct answers that repeat the reference’s negation (“4 5 and 6 are not connected to negative battery',
    'terminal”, 0.25 → 1) and also wrong ones near it (“there is not a closed path that contains the battery and bulb b',
    'and bulb c”, marked wrong where “there is no closed path that contains the battery, bulb b, and bulb c” is marked',
    'correct). Beetle’s thresholds were re-tuned on `train` (0.4286 → 0.5; alias pipeline 0.4286 → 0.48). Test splits,',
    'one run, before → after: Beetle unseen answers 0.7628 → 0.7718, unseen questions 0.7227 → 0.7215; SciEntsBank',
    'unseen answers and questions unchanged (0.6810, 0.7410), unseen domains 0.6904 → 0.6898 (0.68975), which puts it',
    '0.00002 below the word-overlap baseline (0.68977) where it had been 0.0007 above; train 0.6943 → 0.6945 and',
    '0.7610 → 0.7589; with aliases, Beetle unseen answers 0.766 → 0.775.',
    '',
    '**A modifier said as a predicate** (same cross-validation protocol, against the drafter above: 0.6905 / 0.7550).',
    'A two-word noun phrase whose modifier is an adjective or participle (“complete circuit”, “closed path”) is also',
    'credited in predicate order with up to 3 words between (“circuit ..3 complete”: “the circuit will be completed”,',
    '“their hands are different sizes” for “different sized hands”); a negated one with the cue inside (“path ..3',
    '(not|…) ..2 closed”: “the path is not closed”), and the listed opposite likewise (“path ..3 open”). Adjectives',
    'only: 0.6908 / 0.7558; adjectives and participles: 0.6925 / 0.7551; with degree words (“water is more”): 0.6921 /',
    '0.7550; a gap of 4: 0.6925 / 0.7553; these four with a negated phrase’s cue before the noun, not inside. With the',
    'cue inside: 0.6925 / 0.7582; with the opposite in predicate order too: 0.6925 / 0.7587 (kept; folds SciEntsBank',
    '0.648 0.657 0.697 0.754 0.706, Beetle 0.766 0.738 0.754 0.757 0.778). A second, hashed assignment of questions to',
    'folds gave 0.6904 / 0.7575 → 0.6929 / 0.7608. Phrases with a compounded noun (“grease spot is larger”) changed',
    'nothing. Tried and dropped beside it: comparative adverbs lemmatized like comparative adjectives (“faster” →',
    '“fast”; wink lemmatizes “bigger” but not “faster”): 0.6925 / 0.7587, no change; “that”, “when” and “if” ending',
    'the clause a predicate negation reads back into (“change one variable that is no more than one”): 0.6927 /',
    '0.7587, noise. The thresholds re-tuned on `train` stay 0.300 / 0.500 (alias pipeline 0.300 / 0.480). Test',
    'splits, one run, before → after: SciEntsBank unseen answers 0.6810 → 0.6834, unseen questions 0.7410 → 0.7410,',
    'unseen domains 0.68975 → 0.68956, now 0.0002 below the word-overlap baseline (0.68977); Beetle unseen answers',
    '0.7718 → 0.7767, unseen questions 0.7215 → 0.7228; train 0.6945 → 0.6966 and 0.7589 → 0.7625.',
    '',
    '**Two more drafter changes** (same protocol, against the drafter with predicates: 0.6925 / 0.7587):',
    '',
    '- “pathway” and “pathways” as variants of “path” and “paths” (the paraphrase table above learned “pathway” for',
    '  “path” from 29 correct and 9 other `train` answers in 8 questions): 0.6927 / 0.7620 (hashed folds 0.6929 / 0.7608',
    '  → 0.6931 / 0.7646);',
    '- a concept naming only an identifier, a lone letter or number (“bulb C”, “terminal 4”), keeps a quarter of its',
    '  points: answers say “they” for “A and C” (“they are on seperate closed paths”, marked correct against “A and C',
    '  are in different paths”): 0.6939 / 0.7922 (folds SciEntsBank 0.654 0.657 0.697 0.755 0.706, Beetle 0.787 0.783',
    '  0.785 0.778 0.828; hashed folds 0.6945 / 0.7908). Half a point: 0.6929 / 0.7863; a third: 0.6939 / 0.7870; a',
    '  tenth: 0.6939 / 0.7919; a hundredth: 0.6939 / 0.7915; counting negated identifiers (“neither B nor C”) too',
    '  changed nothing. Beetle’s threshold re-tuned on `train`: 0.5 → 0.48 (alias pipeline unchanged at 0.48).',
    '',
    'Test splits, one run each, 2-way macro-F1 after the predicate change → with “pathway” → with identifiers:',
    'SciEntsBank unseen answers 0.6834 → 0.6834 → 0.6850, unseen questions 0.7410 → 0.7401 → 0.7321 (a loss of',
    '0.0089), unseen domains 0.68956 → 0.68956 → 0.68956; Beetle unseen answers 0.7767 → 0.7724 → 0.8151, unseen',
    'questions 0.7228 → 0.7252 → 0.7227; train 0.6966 → 0.6969 → 0.6984 and 0.7625 → 0.7660 → 0.7942.',
    '',
    '**The question’s asking sentences, not its scene** (same protocol, against the drafter above: 0.6939 / 0.7922).',
    'Words used to be left out of the patterns when any sentence of the question used them. A SciEntsBank question',
    'often sets a scene first (“Jana and Emily used indophenol to test 3 beverages for vitamin C. … Why didn’t the',
    'indophenol change color with Fruitsnap?”), and its reference cites the scene (“Fruitsnap contains little or no',
    'vitamin C”): the draft lost “no vitamin C”, and answers such as “It did not change color because Fruitsnap has no',
    'vitamin C.” scored 0 (now 0.33; 18 correct `train` answers of that question cross the threshold, and no other).',
    'Now only the asking sentences, those ending in “?” and the last one, keep their words out: 0.6987 / 0.7922',
    '(folds SciEntsBank 0.668 0.680 0.680 0.749 0.716; hashed folds 0.6945 / 0.7908 → 0.6989 / 0.7908); SciEntsBank',
    '`train` correct answers at coverage 0: 773 → 572. Only the last sentence: 0.6928 / 0.7902; the last two:',
    '0.6890 / 0.7922; the asking sentences and the one before: 0.6903 / 0.7922; concepts made only of scene words at',
    'half, a quarter or twice the points: 0.6878, 0.6879, 0.6825 on SciEntsBank. The threshold re-tuned on `train`',
    'fell from 0.3 to 0.2727 (alias pipeline 0.3 → 0.2857). In-sample on SciEntsBank `train`, the change with its',
    'threshold newly credits 184 correct and 213 wrong answers and stops crediting 66 correct and 71 wrong ones:',
    'accuracy falls (72.6 % → 72.1 %) while macro-F1, which weighs the rarer correct label as much as the other, rises',
    '(0.6984 → 0.7025). Test splits, one run, before → after: SciEntsBank',
    'unseen answers 0.6850 → 0.7066, unseen questions 0.7321 → 0.7334, unseen domains 0.6896 → 0.7064; Beetle',
    'unchanged (0.8151, 0.7227); train 0.6984 → 0.7025; with aliases, SciEntsBank unseen answers 0.734 → 0.750.',
    '',
    'Tried on `train` against the drafter above (0.6987 / 0.7922) and dropped: keeping an opposable word (“open”,',
    '“same”) in the pattern when the question uses it (“there is an open path” for “Why does an open switch impact a',
    'circuit?” drafts only “path”): 0.6882 / 0.7939; the lower-case “bulb a” as the letter A after a noun: 0.6974 /',
    '0.7914; the question’s numbers and single capital letters counted as new words, now that an identifier is worth',
    'a quarter point (numbers and letters, numbers only, letters only): 0.6991 / 0.7799, 0.6915 / 0.7890, 0.7005 /',
    '0.7826; a relation required when at most 2 concepts besides identifiers are drafted: 0.6987 / 0.7923; a concept',
    'of one lone noun at 0.5, 0.75 or 1.5 points: 0.6751 / 0.7942, 0.6946 / 0.7945, 0.6890 / 0.7920; [MINIMAL] and',
    '[KEYWORD] references weighted 0.6, 0.7, 0.9 or 1 instead of 0.8: Beetle 0.7721, 0.7875, 0.7928 (noise), 0.7768;',
    'coverage counted against at most *K* points (*K* = 2–8): 0.6639–0.6908 / 0.7263–0.7591, against the',
    'drafter of that time (0.6925 / 0.7587). Also “gap between” as a variant of “separated”: 0.6987 / 0.7938, which the',
    'protocol would keep; it was left out as a phrase picked by hand from Beetle answers for a gain within the spread',
    'of the folds. The test disagreements below show the same wording (“there was a gap between the positive battery',
    'terminal and terminal 4”), so adding it now would be a choice made on test figures, and it stays out.',
    '',
    'Beetle’s export writes the apostrophe of a contraction or possessive as `"` in answers and as `^` in questions',
    '(“don"t”, “bulb"s”, “didn^t”): the loader reads either, between two letters, as an apostrophe',
    '(`restoreApostrophes` in `eval/datasets.ts`; 112 `train`, 9 unseen-answers and 13 unseen-questions answers), so',
    '“aren"t in the same path” is negated as “aren’t” is. Cross-validated on `train`: Beetle 0.7922 → 0.7934 (hashed',
    'folds 0.7908 → 0.7921), SciEntsBank unchanged. Test splits, one run: 2-way unchanged on every split; Beetle',
    'unseen answers 3-way 0.571 → 0.575. Tried beside it and dropped: the number words “one” to “nine” as variants of',
    'the digits (“terminal one”): 0.6972 / 0.7874 (a concept naming only a number is then no longer an identifier at a',
    'quarter point); an answer labelled incorrect whenever one of its question’s rubrics finds a concept negated',
    '(any reference, any concept: Beetle 0.7550; required concepts only: 0.7819; [BEST]/[GOOD] references’ required',
    'concepts only: 0.7927; a drafted opposite stated: 0.7035) — the negation cues that flag contradictions also fire',
    'in right answers (“terminal 1 is not connected to the positive terminal” negates another reference’s',
    '“connected”); a predicate up to 5 or 8 words after its noun instead of 3 (“the electrical states of the bulb',
    'terminal and the battery terminal are the same”): Beetle 0.7939 / 0.7943 against 0.7934 (hashed folds 0.7927 /',
    '0.7929 against 0.7921; leaving out one of Beetle’s three modules at a time 0.7779 / 0.7784 against 0.7774), SciEntsBank unchanged — about three',
    '`train` answers, for a window that reaches across more clauses in every drafted rubric.',
    '',
    'Analysis now splits a possessive ’s off its word before punctuation too, where wink keeps it whole (“Bob’s.”,',
    '“the bulb’s,”), as it already did inside a sentence: a pattern `bulb` now credits “the bulb’s,”. This fixes the',
    'engine, not the drafter, and changes one drafted rubric: SciEntsBank PS_45b’s reference “Sammy’s. Different',
    'materials would make very different sounds.” drafts `sammy` instead of `sammy’s` (2 points, from its first',
    'sentence). The question’s scene names Sammy, and so do most of its 107 `train` answers, 3 of them marked correct:',
    'the draft now credits many wrong ones. SciEntsBank `train` 0.7025 → 0.6912 and cross-validation 0.6987 → 0.6885',
    '(the fold holding PS_45b 0.668 → 0.617, the other four unchanged); Beetle unchanged. Test splits, one run:',
    'SciEntsBank unseen answers 0.7066 → 0.7088 (3-way 0.519 → 0.521; with aliases 0.750 → 0.752), every other split',
    'unchanged. 21 SemEval and SAF answers have a possessive before punctuation.',
    '',
    '### 2-way (correct against contradictory + incorrect)',
    '',
    table(
      [
        'Corpus',
        'Split',
        'n',
        'Questions',
        'Accuracy',
        'Macro-F1',
        'Weighted F1',
        'Baseline macro-F1',
        'Naive peer macro-F1',
        'README baseline',
      ],
      evaluation.splits.map((s) => [
        s.corpus,
        s.split,
        String(s.n),
        String(s.questions),
        pct(s.twoWay.accuracy),
        f3(s.twoWay.macroF1),
        f3(s.twoWay.weightedF1),
        f3(base.get(`${s.corpus} ${s.split}`) ?? Number.NaN),
        f3(evaluation.naive.macroF1.get(`${s.corpus} ${s.split}`) ?? Number.NaN),
        reference(s.corpus, s.split),
      ]),
      [false, false, true, true, true, true, true, true, true, true],
    ),
    '',
    '### 3-way (correct, contradictory, incorrect)',
    '',
    table(
      ['Corpus', 'Split', 'n', 'Accuracy', 'Macro-F1', 'Weighted F1'],
      evaluation.splits.map((s) => [
        s.corpus,
        s.split,
        String(s.n),
        pct(s.threeWay.accuracy),
        f3(s.threeWay.macroF1),
        f3(s.threeWay.weightedF1),
      ]),
      [false, false, true, true, true, true],
    ),
    '',
    ...(evaluation.aliases ? aliasSection(evaluation, evaluation.aliases, base) : []),
    '### What the numbers mean',
    '',
    '- **Macro-F1** averages the F1 of each label, so the rarer label counts as much as the common one; **weighted F1**',
    '  weights each label’s F1 by its share of the gold labels; **accuracy** is the share of answers labelled as the',
    '  markers did. 2-way merges contradictory and incorrect.',
    '- **Baseline macro-F1** is the word-overlap baseline computed in this run (below): the best share of a reference',
    '  answer’s content words found in the answer, with a threshold per corpus tuned on `train`. **README baseline** is',
    '  the reference figure published with the dataset.',
    '- **Naive peer macro-F1** grades with the same drafted rubrics but finds a concept by substring search: met when',
    '  every word of one of its patterns occurs in the lower-cased answer (`bench/naiveGrade.ts`, the naive peer of',
    '  docs/PERFORMANCE.md; alternatives as “any of”, order, sentences and negation ignored). Coverage, required',
    `  concepts, reference weights and labels are as above, with its own threshold tuned on \`train\` (${thresholdsText(evaluation.naive.thresholds)}).`,
    '  The two differ only in how they find concepts.',
    '- **train** rows are in-sample only for the threshold and the drafting options; no rubric was written from them.',
    '  test-unseen-answers asks the train questions again; test-unseen-questions and test-unseen-domains ask new ones.',
    '- Drafted rubrics credit the words of the reference answer, not its meaning: an answer that says the same thing in',
    '  other words (“dried up” for “evaporated”, “bigger hand” for “different sized hands”) is missed, and one that uses',
    '  the reference’s words about the wrong thing (“terminal 1 is connected to the positive terminal” against “… to the',
    '  negative terminal”) is credited. Most disagreements below are of these two kinds.',
    '',
    '### 3-way confusion matrices on the test splits (rows: gold label, columns: engine label)',
    '',
  ];
  for (const s of tests) {
    out.push(
      `**${s.corpus} ${s.split}**`,
      '',
      table(
        ['Gold \\ engine', ...THREE_WAY_LABELS],
        THREE_WAY_LABELS.map((label, i) => [label, ...(s.confusion[i] ?? []).map(String)]),
        [false, true, true, true],
      ),
      '',
    );
  }
  out.push(
    '### Example disagreements',
    '',
    'Per test split, the missed correct answers with the lowest coverage and the wrongly credited answers with the',
    'highest. Answers and the first reference answer are cut to 120 characters.',
    '',
    table(
      ['Corpus', 'Split', 'Question', 'Gold', 'Engine', 'Coverage', 'Answer', 'First reference'],
      evaluation.disagreements.map((d) => [
        d.corpus,
        d.split,
        d.questionId,
        d.gold,
        d.predicted,
        f3(d.coverage),
        cell(d.answer, 120),
        cell(d.reference, 120),
      ]),
      [false, false, false, false, false, true, false, false],
    ),
    '',
    '### Word-overlap baseline',
    '',
    'Best share of a reference answer’s content words found in the answer; a threshold per corpus tuned for 2-way',
    'macro-F1 (correct vs contradictory + incorrect) on `train` only, applied to every split.',
    '',
    baselineTable(baseline),
    '',
  );
  return out;
}

/** Console lines summarising the SemEval evaluation beside the baseline. */
export function semEvalSummary(
  evaluation: SemEvalEvaluation,
  baseline: readonly SemEvalBaselineResult[],
): string[] {
  const base = new Map(baseline.map((b) => [`${b.corpus} ${b.split}`, b.macroF1]));
  const pad = (s: string, w: number) => s.padStart(w);
  return [
    `SemEval-2013 Task 7, drafted rubrics (coverage thresholds ${thresholdsText(evaluation.thresholds)}; re-tuned on train: ${thresholdsText(evaluation.retuned)})`,
    `${'corpus'.padEnd(13)}${'split'.padEnd(24)}${pad('n', 6)}${pad('acc2', 8)}${pad('mF1-2', 8)}${pad('wF1-2', 8)}${pad('acc3', 8)}${pad('mF1-3', 8)}${pad('wF1-3', 8)}${pad('base', 8)}${pad('naive', 8)}`,
    ...evaluation.splits.map(
      (s) =>
        `${s.corpus.padEnd(13)}${s.split.padEnd(24)}${pad(String(s.n), 6)}${pad(f3(s.twoWay.accuracy), 8)}` +
        `${pad(f3(s.twoWay.macroF1), 8)}${pad(f3(s.twoWay.weightedF1), 8)}${pad(f3(s.threeWay.accuracy), 8)}` +
        `${pad(f3(s.threeWay.macroF1), 8)}${pad(f3(s.threeWay.weightedF1), 8)}` +
        `${pad(f3(base.get(`${s.corpus} ${s.split}`) ?? Number.NaN), 8)}` +
        `${pad(f3(evaluation.naive.macroF1.get(`${s.corpus} ${s.split}`) ?? Number.NaN), 8)}`,
    ),
    ...(evaluation.aliases
      ? [
          `drafted + aliases suggested from train answers (thresholds ${thresholdsText(evaluation.aliases.thresholds)}; re-tuned on train: ${thresholdsText(evaluation.aliases.retuned)})`,
          ...evaluation.aliases.splits.map(
            (s) =>
              `${s.corpus.padEnd(13)}${s.split.padEnd(24)}${pad(String(s.n), 6)}${pad(f3(s.twoWay.accuracy), 8)}` +
              `${pad(f3(s.twoWay.macroF1), 8)}${pad(f3(s.twoWay.weightedF1), 8)}${pad(f3(s.threeWay.accuracy), 8)}` +
              `${pad(f3(s.threeWay.macroF1), 8)}${pad(f3(s.threeWay.weightedF1), 8)}`,
          ),
        ]
      : []),
  ];
}
