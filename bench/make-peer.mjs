// Builds the peer fixture (bench/peer/survey.json): Signpost's own
// questionnaire as a SurveyJS survey, from the content's JSON export
// (signpost-check --json), so both ask the same questions with the same
// answers, conditions and weights. Scoring is in SurveyJS's expression
// language (calculatedValues), one expression per support option, the
// PHQ-4 total, its subscales and the crisis flag.
//
// Usage: node bench/make-peer.mjs content.json > bench/peer/survey.json
import { readFileSync } from 'node:fs';

const content = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const q = content.questionnaire;
const text = (t) => ({ default: t.en, es: t.es });
const scale = (id) => q.scales.find((s) => s.id === id);
const kindOf = Object.fromEntries(q.questions.map((x) => [x.id, x.kind]));
const quote = (s) => `'${s}'`;
const valueOf = (qid, aid) => {
  const question = q.questions.find((x) => x.id === qid);
  return question.kind === 'scale' ? scale(question.scale).answers.find((a) => a.id === aid).value : quote(aid);
};

const elements = q.questions.map((x) => {
  const el = { name: x.id, title: text(x.text), isRequired: !x.optional };
  const instrument = q.instruments.find((i) => i.items.includes(x.id));
  if (instrument) el.description = text(instrument.stem);
  else if (x.hint) el.description = text(x.hint);
  if (x.kind === 'multi') el.type = 'checkbox';
  else el.type = 'radiogroup';
  el.choices = x.kind === 'scale'
    ? scale(x.scale).answers.map((a) => ({ value: a.value, text: text(a.label) }))
    : x.answers.map((a) => ({ value: a.id, text: text(a.label) }));
  if (x.show_if) {
    el.visibleIf = `{${x.show_if.question}} anyof [${x.show_if.any_of.map((a) => valueOf(x.show_if.question, a)).join(', ')}]`;
  }
  return el;
});

// Scores: each answer's weights, then the PHQ-4 rules.
const terms = Object.fromEntries(content.options.map((o) => [o.id, []]));
for (const x of q.questions) {
  for (const a of x.answers) {
    for (const w of a.weights) {
      const test = kindOf[x.id] === 'multi' ? `{${x.id}} contains ${quote(a.id)}` : `{${x.id}} = ${quote(a.id)}`;
      terms[w.option].push(`iif(${test}, ${w.points}, 0)`);
    }
  }
}
const calculatedValues = [];
for (const inst of q.instruments) {
  calculatedValues.push({ name: inst.id, expression: inst.items.map((i) => `{${i}}`).join(' + ') });
  for (const s of inst.subscales) calculatedValues.push({ name: s.id, expression: s.items.map((i) => `{${i}}`).join(' + ') });
}
const safetyQuestions = q.questions.filter((x) => x.safety);
const riskTest = safetyQuestions
  .map((x) => `({${x.id}} notempty and {${x.id}} <> ${valueOf(x.id, x.safe_answer)})`)
  .join(' or ');
// A rule's condition (content JSON: one non-null key per condition) as a
// SurveyJS expression. Restrictions (hold back, exclude, require) have no
// SurveyJS equivalent; only the weights are mirrored.
const expr = (c) => {
  if (c.is) return `{${c.is.question}} = ${valueOf(c.is.question, c.is.answer)}`;
  if (c.includes) return `{${c.includes.question}} contains ${quote(c.includes.answer)}`;
  if (c.any_of) return `{${c.any_of.question}} anyof [${c.any_of.answers.map((a) => valueOf(c.any_of.question, a)).join(', ')}]`;
  if (c.band) {
    const b = q.instruments.find((i) => i.id === c.band.instrument).bands.find((x) => x.id === c.band.band);
    return `({${c.band.instrument}} >= ${b.min} and {${c.band.instrument}} <= ${b.max})`;
  }
  if (c.flag) {
    const s = q.instruments.find((i) => i.id === c.flag.instrument).subscales.find((x) => x.id === c.flag.subscale);
    return `{${s.id}} >= ${s.flag_at}`;
  }
  if (c.not_completed) {
    const inst = q.instruments.find((i) => i.id === c.not_completed);
    return `(${inst.items.map((i) => `{${i}} empty`).join(' or ')})`;
  }
  if (c.risk !== null && c.risk !== undefined) return c.risk ? `(${riskTest})` : `!(${riskTest})`;
  if (c.all) return `(${c.all.map(expr).join(' and ')})`;
  if (c.any) return `(${c.any.map(expr).join(' or ')})`;
  if (c.not) return `!(${expr(c.not)})`;
  throw new Error(`unknown condition ${JSON.stringify(c)}`);
};
for (const rule of q.rules) {
  const test = expr(rule.when);
  for (const w of rule.weights) terms[w.option].push(`iif(${test}, ${w.points}, 0)`);
}
for (const [option, list] of Object.entries(terms)) {
  calculatedValues.push({ name: `score_${option}`, expression: list.length ? list.join(' + ') : '0', includeIntoResult: true });
}
calculatedValues.push({ name: 'crisis', expression: `iif(${riskTest}, 1, 0)`, includeIntoResult: true });

const survey = {
  locale: 'en',
  title: text(q.title),
  description: text(q.intro),
  questionsOnPageMode: 'questionPerPage',
  showProgressBar: 'top',
  progressBarType: 'questions',
  pages: [{ name: 'questions', elements }],
  calculatedValues,
  completedHtml: text({
    en: `<h3>Your results</h3><ul>${content.options.map((o) => `<li>${o.name.en}: {score_${o.id}}</li>`).join('')}</ul><p>PHQ-4: {phq4}</p>`,
    es: `<h3>Sus resultados</h3><ul>${content.options.map((o) => `<li>${o.name.es}: {score_${o.id}}</li>`).join('')}</ul><p>PHQ-4: {phq4}</p>`,
  }),
};
console.log(JSON.stringify(survey, null, 1));
