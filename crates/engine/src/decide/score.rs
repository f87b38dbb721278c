//! Turning answers into suggestions: `score(content, answers) -> Outcome`.
//!
//! Each chosen answer adds its weights to support options; each rule whose
//! condition holds adds its weights, cautions and restrictions. [`rank`]
//! then orders the options: highest score first; ties go to the option
//! listed earlier in the content (which lists options from least to most
//! intensive, so a tie favours the least intensive support that fits, as
//! stepped care does). A risk answer to any safety question puts urgent help
//! first, whatever else. The prover ([`crate::prove`]) calls the same
//! [`Facts`], [`applying_rules`] and [`rank`], so what it proves is what
//! visitors get.
//!
//! Long (about 620 lines) because facts, rules, ranking and the screeners'
//! bands are one pass that the prover (`prove/`) calls piece by piece.

use crate::Ui;
use crate::answers::{Answer, Answers};
use crate::model::{
    AnswerOption, Band, Condition, Content, Instrument, Question, QuestionKind, Rule, SelfCare,
    Subscale, SupportOption, Weight,
};
use crate::text::Text;

/// The result of scoring. It borrows the content's texts, so computing it
/// costs no copies: views compute it in render rather than storing it.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome<'c> {
    /// A risk answer was given at some time in the visit (even if since
    /// changed): urgent help leads, and the view keeps the crisis contacts
    /// on top.
    pub crisis: bool,
    /// Every support option, best first (urgent help only when `crisis`).
    pub ranked: Vec<Suggestion<'c>>,
    /// How many of `ranked` are the best fit (shown first).
    pub best: usize,
    pub instruments: Vec<InstrumentResult<'c>>,
    pub cautions: Vec<Caution<'c>>,
    /// Questions that were asked but skipped or not answered, in order.
    pub skipped: Vec<&'c str>,
    /// Every risk answer given in the visit, taken back or not.
    pub risk_answers: Vec<RiskAnswer<'c>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion<'c> {
    pub option: &'c SupportOption,
    pub score: i32,
    /// Why: each answer or rule that moved this option, in questionnaire order.
    pub reasons: Vec<Reason<'c>>,
    /// A rule says this should not be the first suggestion right now.
    pub held_back: bool,
    /// A rule keeps this out of the best suggestions right now (its
    /// caution says why).
    pub excluded: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source<'c> {
    Answer { question: &'c str, answer: &'c str },
    Rule { rule: &'c str },
    Safety { question: &'c str },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Reason<'c> {
    pub source: Source<'c>,
    pub points: i32,
    pub text: &'c Text,
}

#[derive(Clone, Debug, PartialEq)]
pub struct InstrumentResult<'c> {
    pub instrument: &'c Instrument,
    /// The total, only when every item was answered: a skipped item is
    /// never counted as 0.
    pub total: Option<u32>,
    /// The sum of the items answered: the least the total can be.
    pub at_least: u32,
    /// The band the total falls in; with items skipped, the band the
    /// answered items already reach (the total can only be higher), except
    /// the lowest band, which a partial answer can never show
    /// ([`band_of`]). Rules see this band either way.
    pub band: Option<&'c Band>,
    pub subscales: Vec<SubscaleResult<'c>>,
    /// Items not answered (skipped, or not reached).
    pub skipped: Vec<&'c str>,
    /// Every item was asked (a follow-up the visitor took, or a screen
    /// asked of everyone): only then do the results show it.
    pub asked: bool,
}

impl InstrumentResult<'_> {
    /// `band` is a floor from a partial answer, not the total's band.
    pub fn band_is_minimum(&self) -> bool {
        self.total.is_none() && self.band.is_some()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct SubscaleResult<'c> {
    pub subscale: &'c Subscale,
    /// Only when all its items were answered.
    pub score: Option<u32>,
    /// The sum of its items answered (its score when all were).
    pub at_least: u32,
    /// The items answered already reach the subscale's `flag_at` (a
    /// skipped item can only add to it).
    pub flagged: bool,
}

/// The index of the band an instrument's answers fall in: the total's band
/// when `complete`; otherwise the band of `sum`, the answered items alone,
/// which the total can only reach or pass, but never the lowest band (a
/// partial answer cannot show "none or minimal"). The engine and the prover
/// both call this.
pub fn band_of(inst: &Instrument, sum: u32, complete: bool) -> Option<usize> {
    let at = inst
        .bands
        .iter()
        .position(|b| b.min <= sum && sum <= b.max)?;
    let lowest = inst.bands.iter().map(|b| b.min).min()?;
    (complete || inst.bands[at].min > lowest).then_some(at)
}

#[derive(Clone, Debug, PartialEq)]
pub struct Caution<'c> {
    pub rule: &'c str,
    pub text: &'c Text,
}

/// Whether this answer to this question is a risk answer: any answer to a
/// safety question other than its safe one, "I'd rather not say" included
/// (unknown ids count as risk, so a mistake fails safe). Exposed per answer
/// so the view can show crisis contacts the moment it is given.
pub fn is_risk_answer(content: &Content, question: &str, answer: &Answer) -> bool {
    answer
        .chosen()
        .iter()
        .any(|a| is_risk_choice(content, question, a))
}

fn is_risk_choice(content: &Content, question: &str, answer: &str) -> bool {
    content
        .question(question)
        .filter(|q| q.safety)
        .is_some_and(|q| q.safe_answer.as_deref() != Some(answer))
}

/// Whether a risk answer was given at any time in the visit: taking one
/// back keeps urgent help first and the crisis numbers in the summary.
pub fn is_crisis(content: &Content, answers: &Answers) -> bool {
    answers
        .ever_chosen()
        .any(|(q, a)| is_risk_choice(content, q, a))
}

/// A risk answer given in the visit.
#[derive(Clone, Debug, PartialEq)]
pub struct RiskAnswer<'c> {
    pub question: &'c Question,
    /// The answer's id, and its own words if the content gives them.
    pub answer: String,
    pub option: Option<&'c AnswerOption>,
    /// Still the answer now (not taken back).
    pub current: bool,
}

impl<'c> RiskAnswer<'c> {
    /// Why urgent help leads: the answer's own words, else the question's.
    pub fn reason(&self) -> Option<&'c Text> {
        self.option
            .and_then(|o| o.crisis_reason.as_ref())
            .or(self.question.crisis_reason.as_ref())
    }

    /// What the crisis panel says: the answer's own words, else the
    /// question's (the interface's `crisis_text` when neither has any).
    pub fn panel_text(&self) -> Option<&'c Text> {
        self.option
            .and_then(|o| o.crisis_text.as_ref())
            .or(self.question.crisis_text.as_ref())
    }

    pub fn abuse_lines_first(&self) -> bool {
        self.option.is_some_and(|o| o.abuse_lines_first)
    }
}

/// Every risk answer given in the visit, current or taken back, in
/// questionnaire and answer order.
pub fn risk_answers<'c>(content: &'c Content, answers: &Answers) -> Vec<RiskAnswer<'c>> {
    let mut out = Vec::new();
    for q in content.safety_questions() {
        let ever: Vec<&str> = answers
            .ever_chosen()
            .filter(|(id, a)| *id == q.id && is_risk_choice(content, id, a))
            .map(|(_, a)| a)
            .collect();
        let ids = q.choices(content);
        // Known answers in display order, then unknown ids (risk, failing safe).
        let known = ids.iter().map(|c| c.id).filter(|id| ever.contains(id));
        let unknown = ever
            .iter()
            .copied()
            .filter(|a| !ids.iter().any(|c| c.id == *a));
        for a in known.chain(unknown) {
            out.push(RiskAnswer {
                question: q,
                answer: a.to_string(),
                option: q.answer(a),
                current: answers.get(&q.id).is_some_and(|now| now.includes(a)),
            });
        }
    }
    out
}

/// What a [`Condition`] can see: the answers to the questions that were
/// asked, the instruments' results and whether a risk answer was given.
pub struct Facts<'a, 'c> {
    answers: &'a Answers,
    visible: &'a [&'c Question],
    instruments: &'a [InstrumentResult<'c>],
    crisis: bool,
}

impl<'a, 'c> Facts<'a, 'c> {
    pub fn new(
        answers: &'a Answers,
        visible: &'a [&'c Question],
        instruments: &'a [InstrumentResult<'c>],
        crisis: bool,
    ) -> Self {
        Facts {
            answers,
            visible,
            instruments,
            crisis,
        }
    }

    /// The answer to a question, only if it was asked.
    fn answer(&self, question: &str) -> Option<&'a Answer> {
        if self.visible.iter().any(|q| q.id == question) {
            self.answers.get(question)
        } else {
            None
        }
    }

    fn instrument(&self, id: &str) -> Option<&'a InstrumentResult<'c>> {
        self.instruments.iter().find(|r| r.instrument.id == id)
    }
}

impl Condition {
    /// Whether the condition holds. Recursion is bounded by the content's
    /// nesting limit ([`crate::load::MAX_NESTING`]).
    pub fn holds(&self, f: &Facts<'_, '_>) -> bool {
        match self {
            Condition::Is { question, answer } | Condition::Includes { question, answer } => {
                f.answer(question).is_some_and(|a| a.includes(answer))
            }
            Condition::AnyOf { question, answers } => f
                .answer(question)
                .is_some_and(|a| answers.iter().any(|x| a.includes(x))),
            Condition::Band { instrument, band } => f
                .instrument(instrument)
                .and_then(|r| r.band)
                .is_some_and(|b| b.id == *band),
            Condition::Flag {
                instrument,
                subscale,
            } => f.instrument(instrument).is_some_and(|r| {
                r.subscales
                    .iter()
                    .any(|s| s.subscale.id == *subscale && s.flagged)
            }),
            Condition::NotCompleted(instrument) => {
                f.instrument(instrument).is_some_and(|r| r.total.is_none())
            }
            Condition::Risk(given) => f.crisis == *given,
            Condition::All(all) => all.iter().all(|c| c.holds(f)),
            Condition::Any(any) => any.iter().any(|c| c.holds(f)),
            Condition::Not(c) => !c.holds(f),
        }
    }
}

/// What rules and safeguards are evaluated on, worked out once per answer
/// set: the questions asked, the instruments' results, the risk flag.
/// `score` and the prover both use it, so what is proven is what is shown.
pub struct Evaluation<'c> {
    pub visible: Vec<&'c Question>,
    pub instruments: Vec<InstrumentResult<'c>>,
    pub crisis: bool,
}

impl<'c> Evaluation<'c> {
    pub fn of(content: &'c Content, answers: &Answers) -> Evaluation<'c> {
        let visible = content.visible_questions(answers);
        let instruments = content
            .questionnaire
            .instruments
            .iter()
            .map(|i| instrument_result(content, i, answers, &visible))
            .collect();
        Evaluation {
            visible,
            instruments,
            crisis: is_crisis(content, answers),
        }
    }

    /// The facts conditions see, for these answers.
    pub fn facts<'a>(&'a self, answers: &'a Answers) -> Facts<'a, 'c> {
        Facts::new(answers, &self.visible, &self.instruments, self.crisis)
    }
}

/// Options as bits (validation keeps their number within [`MAX_OPTIONS`]).
pub type OptionSet = u64;
pub use crate::content::limits::MAX_OPTIONS;

/// What the applying rules do to the ranking, by option index.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Restrictions {
    /// Never first.
    pub held: OptionSet,
    /// Never among the best.
    pub excluded: OptionSet,
    /// Each set must have a member among the best.
    pub required: Vec<OptionSet>,
}

/// The options named by `ids`, as bits (unknown ids are left out).
pub fn option_set(content: &Content, ids: &[String]) -> OptionSet {
    ids.iter()
        .filter_map(|id| content.option_index(id))
        .fold(0, |set, i| set | (1 << i))
}

/// The rules whose condition holds, in content order.
pub fn applying_rules<'c>(content: &'c Content, facts: &Facts<'_, 'c>) -> Vec<&'c Rule> {
    content
        .questionnaire
        .rules
        .iter()
        .filter(|r| r.when.holds(facts))
        .collect()
}

impl Restrictions {
    pub fn from_rules(content: &Content, rules: &[&Rule]) -> Restrictions {
        let mut r = Restrictions::default();
        for rule in rules {
            r.held |= option_set(content, &rule.hold_back);
            r.excluded |= option_set(content, &rule.exclude);
            if !rule.require_one_of.is_empty() {
                r.required.push(option_set(content, &rule.require_one_of));
            }
        }
        r
    }
}

/// Orders the options into `order` (indices into the content's options)
/// and returns how many of them are the best fit.
///
/// 1. Excluded options go last; then highest score; ties to the earlier.
/// 2. A held-back option never leads: the first option that may lead moves
///    to the front.
/// 3. Best fit: the leading run, at most three, of options with a positive
///    score of at least two thirds of the first's, never an excluded one.
/// 4. Each required set without a member in the best fit gets its
///    highest-ranked member (not excluded) added to it.
/// 5. A risk answer puts the urgent option first and among the best. The
///    urgent option is never ranked otherwise.
pub fn rank(
    scores: &[i32],
    urgent: Option<usize>,
    r: &Restrictions,
    crisis: bool,
    order: &mut Vec<usize>,
) -> usize {
    let bit = |i: usize| 1u64 << i;
    let excluded = |i: usize| r.excluded & bit(i) != 0;
    let held = |i: usize| r.held & bit(i) != 0;
    order.clear();
    order.extend((0..scores.len()).filter(|&i| Some(i) != urgent));
    order.sort_by_key(|&i| (excluded(i), std::cmp::Reverse(scores[i]), i));
    if order.first().is_some_and(|&i| held(i))
        && let Some(j) = order.iter().position(|&i| !held(i) && !excluded(i))
    {
        let lead = order.remove(j);
        order.insert(0, lead);
    }
    let top = order.first().map_or(0, |&i| i64::from(scores[i]));
    let mut best = 0;
    for (k, &i) in order.iter().enumerate().take(3) {
        let score = i64::from(scores[i]);
        if excluded(i) || (k == 0 && held(i)) || score <= 0 || score * 3 < top * 2 {
            break;
        }
        best += 1;
    }
    for &set in &r.required {
        if order[..best].iter().any(|&i| set & bit(i) != 0) {
            continue;
        }
        if let Some(j) = order[best..]
            .iter()
            .position(|&i| set & bit(i) != 0 && !excluded(i) && !(best == 0 && held(i)))
        {
            let joined = order.remove(best + j);
            order.insert(best, joined);
            best += 1;
        }
    }
    if crisis && let Some(u) = urgent {
        order.insert(0, u);
        best += 1;
    }
    best
}

/// Scores the answers against the content. Deterministic; never panics,
/// whatever the answers hold.
pub fn score<'c>(content: &'c Content, answers: &Answers) -> Outcome<'c> {
    let options = &content.options;
    let mut scores = vec![0i32; options.len()];
    let mut reasons: Vec<Vec<Reason<'c>>> = vec![Vec::new(); options.len()];
    let mut add = |w: &'c Weight, source: Source<'c>| {
        if let Some(i) = content.option_index(&w.option) {
            scores[i] = scores[i].saturating_add(w.points);
            reasons[i].push(Reason {
                source,
                points: w.points,
                text: &w.reason,
            });
        }
    };

    let evaluation = Evaluation::of(content, answers);
    let mut skipped = Vec::new();
    for q in &evaluation.visible {
        let answer = match answers.get(&q.id) {
            Some(a) if !a.is_empty() => a,
            _ => {
                skipped.push(q.id.as_str());
                continue;
            }
        };
        if q.kind == QuestionKind::Scale {
            continue; // scored through instruments and rules
        }
        for a in q.answers.iter().filter(|a| answer.includes(&a.id)) {
            for w in &a.weights {
                add(
                    w,
                    Source::Answer {
                        question: &q.id,
                        answer: &a.id,
                    },
                );
            }
        }
    }

    let rules = applying_rules(content, &evaluation.facts(answers));
    let crisis = evaluation.crisis;
    let mut cautions = Vec::new();
    for rule in &rules {
        for w in &rule.weights {
            add(w, Source::Rule { rule: &rule.id });
        }
        if let Some(text) = &rule.caution {
            cautions.push(Caution {
                rule: &rule.id,
                text,
            });
        }
    }
    let restrictions = Restrictions::from_rules(content, &rules);

    let urgent = options.iter().position(|o| o.urgent);
    let mut order = Vec::with_capacity(options.len());
    let best = rank(&scores, urgent, &restrictions, crisis, &mut order);
    let risks = risk_answers(content, answers);
    if crisis && let Some(u) = urgent {
        // Urgent help says why first: each current risk answer in its own
        // words, then, once, that an answer about safety was changed.
        let mut why: Vec<Reason<'c>> = Vec::new();
        for r in risks.iter().filter(|r| r.current) {
            if let Some(text) = r.reason()
                && !why.iter().any(|w| std::ptr::eq(w.text, text))
            {
                why.push(Reason {
                    source: Source::Safety {
                        question: &r.question.id,
                    },
                    points: 0,
                    text,
                });
            }
        }
        if let Some(r) = risks.iter().find(|r| !r.current) {
            why.push(Reason {
                source: Source::Safety {
                    question: &r.question.id,
                },
                points: 0,
                text: content.ui(Ui::RiskTakenBack),
            });
        }
        why.append(&mut reasons[u]);
        reasons[u] = why;
    }
    let ranked = order
        .iter()
        .map(|&i| Suggestion {
            option: &options[i],
            score: scores[i],
            reasons: std::mem::take(&mut reasons[i]),
            held_back: restrictions.held & (1 << i) != 0,
            excluded: restrictions.excluded & (1 << i) != 0,
        })
        .collect();

    Outcome {
        crisis,
        ranked,
        best,
        instruments: evaluation.instruments,
        cautions,
        skipped,
        risk_answers: risks,
    }
}

fn instrument_result<'c>(
    content: &'c Content,
    inst: &'c Instrument,
    answers: &Answers,
    visible: &[&'c Question],
) -> InstrumentResult<'c> {
    // The value of each item's answer, if it was asked and answered.
    let value = |item: &str| content.item_value(item, answers, visible);
    let values: Vec<Option<u32>> = inst.items.iter().map(|i| value(i)).collect();
    let skipped = inst
        .items
        .iter()
        .zip(&values)
        .filter(|(_, v)| v.is_none())
        .map(|(i, _)| i.as_str())
        .collect();
    let complete = values.iter().all(Option::is_some);
    let at_least = values
        .iter()
        .flatten()
        .fold(0u32, |s, v| s.saturating_add(*v));
    let total = complete.then_some(at_least);
    let band = band_of(inst, at_least, complete).map(|i| &inst.bands[i]);
    let subscales = inst
        .subscales
        .iter()
        .map(|s| {
            let values: Vec<Option<u32>> = s.items.iter().map(|i| value(i)).collect();
            let at_least = values
                .iter()
                .flatten()
                .fold(0u32, |s, v| s.saturating_add(*v));
            SubscaleResult {
                subscale: s,
                score: values.iter().all(Option::is_some).then_some(at_least),
                at_least,
                flagged: at_least >= s.flag_at,
            }
        })
        .collect();
    InstrumentResult {
        instrument: inst,
        total,
        at_least,
        band,
        subscales,
        skipped,
        asked: inst
            .items
            .iter()
            .all(|i| visible.iter().any(|q| q.id == *i)),
    }
}

impl<'c> Outcome<'c> {
    /// The best-fitting suggestions (shown first).
    pub fn best(&self) -> &[Suggestion<'c>] {
        &self.ranked[..self.best.min(self.ranked.len())]
    }

    /// The rest, still ranked.
    pub fn others(&self) -> &[Suggestion<'c>] {
        &self.ranked[self.best.min(self.ranked.len())..]
    }

    /// The first suggestion, when there is a best fit at all.
    pub fn lead(&self) -> Option<&Suggestion<'c>> {
        self.best().first()
    }

    /// The suggestion whose first session the results describe: the first
    /// best fit other than urgent help (which has its own contacts), or the
    /// first ranked.
    pub fn next_step(&self) -> Option<&Suggestion<'c>> {
        self.best()
            .iter()
            .find(|s| !s.option.urgent)
            .or(self.ranked.first())
    }

    pub fn instrument(&self, id: &str) -> Option<&InstrumentResult<'c>> {
        self.instruments.iter().find(|i| i.instrument.id == id)
    }
}

/// The self-care actions for these answers: the first
/// [`SELF_CARE_SHOWN`](crate::model::SELF_CARE_SHOWN) whose `when` holds (or
/// that have none), in the content's order.
pub fn self_care<'c>(content: &'c Content, answers: &Answers) -> Vec<&'c SelfCare> {
    let evaluation = Evaluation::of(content, answers);
    let facts = evaluation.facts(answers);
    content
        .questionnaire
        .self_care
        .iter()
        .filter(|a| a.when.as_ref().is_none_or(|w| w.holds(&facts)))
        .take(crate::model::SELF_CARE_SHOWN)
        .collect()
}
