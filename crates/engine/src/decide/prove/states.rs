//! The state walk: questions in order, answer sets merged into states that
//! no later rule can tell apart.

use super::*;

/// The walk over the seen questions: a state is a key of
/// `[scores; options] [per deferred question: its group + 1, 0 if not
/// asked] [tests: 4 words] [risk] [per instrument: sum, skipped, subscale
/// sums]`; past an instrument's last item its sum is replaced by its band's
/// index (-1 for none) and each subscale sum by its flag. Everything from
/// the tests on is the control part (`key[score_len..]`).
pub(super) struct Machine<'a> {
    pub(super) content: &'a Content,
    pub(super) tests: &'a AnswerTests,
    pub(super) n_opt: usize,
    /// Per question, its slot among the deferred ones (see
    /// [`Machine::deferring`]).
    pub(super) deferred: Vec<Option<usize>>,
    /// Where the control part starts: after the scores and deferred slots.
    pub(super) score_len: usize,
    pub(super) tests_at: usize,
    pub(super) risk_at: usize,
    pub(super) inst_at: usize,
    pub(super) key_len: usize,
    /// Per instrument: its first slot.
    pub(super) inst_slot: Vec<usize>,
    /// Per question: (instrument index, its subscales holding the item).
    pub(super) items: Vec<Vec<(usize, Vec<usize>)>>,
    /// Per instrument: the index of its last item.
    pub(super) last_item: Vec<usize>,
    /// Per instrument: its top band's minimum, where its sum is capped.
    pub(super) sum_cap: Vec<i32>,
    /// One risk answer of the first safety question: a visit's earlier,
    /// taken-back risk answer is rebuilt with it.
    pub(super) earlier_risk: Option<(String, String)>,
}

impl<'a> Machine<'a> {
    /// `scores`: whether keys carry the score vector (the relational walk
    /// compares restrictions only, and its keys are smaller without it).
    pub(super) fn new(content: &'a Content, tests: &'a AnswerTests, scores: bool) -> Machine<'a> {
        let questions = &content.questionnaire.questions;
        let instruments = &content.questionnaire.instruments;
        let n_opt = if scores { content.options.len() } else { 0 };
        let mut inst_slot = Vec::new();
        let mut slots = 0usize;
        for inst in instruments {
            inst_slot.push(slots);
            slots += 2 + inst.subscales.len();
        }
        let items = questions
            .iter()
            .map(|q| {
                instruments
                    .iter()
                    .enumerate()
                    .filter(|(_, i)| i.items.contains(&q.id))
                    .map(|(ii, i)| {
                        let subs = i
                            .subscales
                            .iter()
                            .enumerate()
                            .filter(|(_, s)| s.items.contains(&q.id))
                            .map(|(si, _)| si)
                            .collect();
                        (ii, subs)
                    })
                    .collect()
            })
            .collect();
        let last_item = instruments
            .iter()
            .map(|i| {
                questions
                    .iter()
                    .rposition(|q| i.items.contains(&q.id))
                    .unwrap_or(0)
            })
            .collect();
        let sum_cap = instruments
            .iter()
            .map(|i| {
                let top = i.bands.iter().max_by_key(|b| b.max);
                top.map_or(i32::MAX, |b| b.min as i32)
            })
            .collect();
        let earlier_risk = content.safety_questions().find_map(|q| {
            let safe = q.safe_answer.as_deref();
            q.choices(content)
                .iter()
                .find(|c| Some(c.id) != safe)
                .map(|c| (q.id.clone(), c.id.to_string()))
        });
        Machine {
            content,
            tests,
            n_opt,
            deferred: vec![None; questions.len()],
            score_len: n_opt,
            tests_at: n_opt,
            risk_at: n_opt + 4,
            inst_at: n_opt + 5,
            key_len: n_opt + 5 + slots,
            inst_slot,
            items,
            last_item,
            sum_cap,
            earlier_risk,
        }
    }

    /// Keys with a slot per deferred question, holding the group of the
    /// answer given (its weights are added with the free questions').
    /// Only for keys with scores.
    pub(super) fn deferring(mut self, deferred: Vec<Option<usize>>) -> Machine<'a> {
        let n = deferred.iter().flatten().count();
        self.deferred = deferred;
        self.score_len += n;
        self.tests_at += n;
        self.risk_at += n;
        self.inst_at += n;
        self.key_len += n;
        self
    }

    /// The states before the first question: no answer, with and without a
    /// risk answer given earlier and taken back (the last slot of `rep`).
    pub(super) fn starts(&self) -> Vec<(Box<[i32]>, Rep)> {
        let n_q = self.content.questionnaire.questions.len();
        let mut out = Vec::new();
        for earlier in [false, true] {
            if earlier && self.earlier_risk.is_none() {
                continue;
            }
            let mut key = vec![0i32; self.key_len];
            key[self.risk_at] = i32::from(earlier);
            let mut rep = vec![NOT_ASKED; n_q + 1];
            rep[n_q] = u32::from(earlier);
            out.push((key.into_boxed_slice(), rep.into_boxed_slice()));
        }
        out
    }

    pub(super) fn visible(&self, key: &[i32], qi: usize) -> bool {
        if let Some((ii, si)) = self.tests.show_if_flag[qi] {
            // Validation puts every item of the instrument before `qi`, so
            // the slot already holds the flag (see `step`).
            return key[self.inst_at + self.inst_slot[ii] + 2 + si] == 1;
        }
        match self.tests.show_if[qi] {
            None => true,
            Some(t) => read_tests(&key[self.tests_at..self.tests_at + 4]) & (1u128 << t) != 0,
        }
    }

    /// The state after question `qi` gets an answer of `class` (`None`: it
    /// was not asked).
    pub(super) fn step(
        &self,
        key: &[i32],
        qi: usize,
        class: Option<&Class>,
        with_scores: bool,
    ) -> Box<[i32]> {
        let mut k: Box<[i32]> = key.into();
        self.step_in_place(&mut k, qi, class, with_scores);
        k
    }

    /// [`Machine::step`] on a key in place.
    pub(super) fn step_in_place(
        &self,
        k: &mut [i32],
        qi: usize,
        class: Option<&Class>,
        with_scores: bool,
    ) {
        match class {
            None => {
                // Not asked: every instrument it belongs to is incomplete.
                for (ii, _) in &self.items[qi] {
                    k[self.inst_at + self.inst_slot[*ii] + 1] = 1;
                }
            }
            Some(c) => {
                if with_scores {
                    for (s, w) in k[..self.n_opt].iter_mut().zip(&c.weights) {
                        *s += w;
                    }
                    if let Some(slot) = self.deferred[qi] {
                        k[self.n_opt + slot] = c.group as i32 + 1;
                    }
                }
                let tests_now = read_tests(&k[self.tests_at..self.tests_at + 4]);
                write_tests(
                    &mut k[self.tests_at..self.tests_at + 4],
                    tests_now | c.tests,
                );
                k[self.risk_at] |= i32::from(c.risk);
                for (ii, subs) in &self.items[qi] {
                    let base = self.inst_at + self.inst_slot[*ii];
                    let inst = &self.content.questionnaire.instruments[*ii];
                    match c.value {
                        Some(v) => {
                            // Sums are capped where nothing above can
                            // differ: the top band's minimum (the bands
                            // cover every total once, so any sum from there
                            // is in it, complete or not), a subscale's flag.
                            k[base] = (k[base] + v as i32).min(self.sum_cap[*ii]);
                            for &si in subs {
                                let cap = inst.subscales[si].flag_at as i32;
                                k[base + 2 + si] = (k[base + 2 + si] + v as i32).min(cap);
                            }
                        }
                        None => k[base + 1] = 1,
                    }
                }
            }
        }
        // Past an instrument's last item only its band and flags matter.
        for (ii, inst) in self.content.questionnaire.instruments.iter().enumerate() {
            if self.last_item[ii] == qi {
                let base = self.inst_at + self.inst_slot[ii];
                let complete = k[base + 1] == 0;
                k[base] = band_of(inst, k[base] as u32, complete).map_or(-1, |b| b as i32);
                for (si, s) in inst.subscales.iter().enumerate() {
                    let v = k[base + 2 + si];
                    k[base + 2 + si] = i32::from(v as u32 >= s.flag_at);
                }
            }
        }
    }
}

pub(super) const NOT_ASKED: u32 = u32::MAX;

/// Per question, the index of its raw answer (or `NOT_ASKED`); last, 1 when
/// a risk answer was taken back earlier in the visit.
pub(super) type Rep = Box<[u32]>;

/// A control state's index and a score vector.
pub(super) type GroupKey = (usize, Box<[i32]>);
/// What broke, and the answer set (raw answer per question) that breaks it.
pub(super) type Broken = (String, Box<[u32]>);
/// Registers an answer test: question id, answer ids -> its bit.
pub(super) type AddTest<'a> =
    dyn FnMut(&mut AnswerTests, &str, BTreeSet<String>) -> Result<usize, String> + 'a;

#[derive(Clone)]
pub(super) struct AnswerClass {
    /// How many answer sets this stands for.
    pub(super) count: u128,
    /// One of them: per question, the index of its raw answer, or NOT_ASKED.
    pub(super) rep: Box<[u32]>,
}

pub(super) type StateMap = HashMap<Box<[i32]>, AnswerClass, Fx>;

pub(super) fn merge<K: std::hash::Hash + Eq>(
    map: &mut HashMap<K, AnswerClass, Fx>,
    key: K,
    count: u128,
    rep: impl Into<Box<[u32]>>,
) {
    map.entry(key)
        .and_modify(|e| e.count += count)
        .or_insert_with(|| AnswerClass {
            count,
            rep: rep.into(),
        });
}

pub(super) fn read_tests(words: &[i32]) -> u128 {
    words.iter().enumerate().fold(0u128, |acc, (i, w)| {
        acc | (u128::from(*w as u32) << (32 * i))
    })
}

pub(super) fn write_tests(words: &mut [i32], bits: u128) {
    for (i, w) in words.iter_mut().enumerate() {
        *w = (bits >> (32 * i)) as u32 as i32;
    }
}

/// Every answer test of the content's conditions and `show_if`s, as
/// "question's answer includes one of these", deduplicated.
pub(super) struct AnswerTests {
    /// (question index, answer ids)
    pub(super) tests: Vec<(usize, BTreeSet<String>)>,
    /// Per question: the bits of the tests on it.
    pub(super) on_question: Vec<u128>,
    /// Per question: the bit of its `show_if` test.
    pub(super) show_if: Vec<Option<usize>>,
    /// Per question: its `show_if` flag, as (instrument, subscale) indexes.
    pub(super) show_if_flag: Vec<Option<(usize, usize)>>,
}

impl AnswerTests {
    pub(super) fn collect(content: &Content) -> Result<AnswerTests, String> {
        let questions = &content.questionnaire.questions;
        let mut t = AnswerTests {
            tests: Vec::new(),
            on_question: vec![0; questions.len()],
            show_if: vec![None; questions.len()],
            show_if_flag: vec![None; questions.len()],
        };
        let mut add =
            |t: &mut AnswerTests, q: &str, ids: BTreeSet<String>| -> Result<usize, String> {
                let qi = questions
                    .iter()
                    .position(|x| x.id == q)
                    .ok_or_else(|| format!("unknown question \"{q}\""))?;
                if let Some(i) = t.tests.iter().position(|(a, b)| *a == qi && *b == ids) {
                    return Ok(i);
                }
                if t.tests.len() == MAX_TESTS {
                    return Err(format!(
                        "more than {MAX_TESTS} different answer tests: too many to prove"
                    ));
                }
                t.tests.push((qi, ids));
                let i = t.tests.len() - 1;
                t.on_question[qi] |= 1 << i;
                Ok(i)
            };
        fn walk(c: &Condition, t: &mut AnswerTests, add: &mut AddTest<'_>) -> Result<(), String> {
            match c {
                Condition::Is { question, answer } | Condition::Includes { question, answer } => {
                    add(t, question, [answer.clone()].into()).map(|_| ())
                }
                Condition::AnyOf { question, answers } => {
                    add(t, question, answers.iter().cloned().collect()).map(|_| ())
                }
                Condition::All(list) | Condition::Any(list) => {
                    list.iter().try_for_each(|c| walk(c, t, add))
                }
                Condition::Not(c) => walk(c, t, add),
                Condition::Band { .. }
                | Condition::Flag { .. }
                | Condition::NotCompleted(_)
                | Condition::Risk(_) => Ok(()),
            }
        }
        for (qi, q) in questions.iter().enumerate() {
            let Some(s) = &q.show_if else { continue };
            if let Some(f) = &s.flag {
                let instruments = &content.questionnaire.instruments;
                let found = instruments.iter().enumerate().find_map(|(ii, i)| {
                    let si = i.subscales.iter().position(|x| x.id == f.subscale);
                    (i.id == f.instrument)
                        .then_some(si)
                        .flatten()
                        .map(|si| (ii, si))
                });
                t.show_if_flag[qi] = Some(found.ok_or_else(|| {
                    format!(
                        "unknown subscale \"{}\" of \"{}\"",
                        f.subscale, f.instrument
                    )
                })?);
            } else if let Some(on) = &s.question {
                let bit = add(&mut t, on, s.any_of.iter().cloned().collect())?;
                t.show_if[qi] = Some(bit);
            }
        }
        for r in &content.questionnaire.rules {
            walk(&r.when, &mut t, &mut add)?;
        }
        for s in &content.safeguards {
            walk(&s.when, &mut t, &mut add)?;
        }
        Ok(t)
    }
}
