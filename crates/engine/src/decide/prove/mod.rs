//! Proves every safeguard over every reachable answer set.
//!
//! Reachable: every answer to every single-choice and scale question, every
//! non-empty subset of every multiple-choice question, a skip of every
//! optional question, and only the questions `show_if` asks; each with and
//! without a risk answer given earlier in the visit and since taken back
//! (which keeps the crisis in force: [`crate::score::is_crisis`]). That is
//! about 10^11 answer sets for the built-in content, too many to score one
//! by one, so the proof groups answer sets that no rule and no safeguard can
//! tell apart, without sampling anything:
//!
//! 1. An answer test is a leaf of a condition (`is`, `includes`, `any_of`)
//!    or a `show_if`. A question is *seen* when an answer test names it, it
//!    has a `show_if`, it is an instrument item or a safety question; the
//!    others are *free*: they only add weights.
//! 2. Over the seen questions, in order, a state holds the score vector so
//!    far, which answer tests hold, the instruments' running sums of the
//!    items answered and whether one was skipped (replaced by band and
//!    flags, as [`band_of`] gives them, once their last item is passed) and
//!    whether a risk answer was given. Two answer sets with the same state are alike for
//!    every rule, safeguard and later `show_if`, so states are merged,
//!    counting how many answer sets each stands for and keeping one of them.
//! 3. The free questions' weights are summed into the set of distinct score
//!    vectors they can add. A seen question with many answers that rules
//!    cannot tell apart (a multiple choice's subsets) is *deferred*: the
//!    walk carries which group of answers it got, and the group's weights
//!    join the free vectors, so they do not multiply every later state.
//! 4. For each final state, rules and safeguards are evaluated with the
//!    engine's own [`Condition::holds`] on the state's representative answer
//!    set, and every free vector is added and ranked with the engine's own
//!    [`rank`]: the same code that scores a visitor's answers.
//!
//! A broken promise is reported with a concrete answer set and the outcome
//! [`score`] gives for it. The walk with scores, needed only where a
//! promise does not follow from the restrictions, goes in batches (bounded
//! memory) and stops once every such promise is broken.
//!
//! `answering_keeps_restrictions` compares answer sets in pairs: the same
//! walk runs over pairs of states, the second answering one optional
//! question the first skipped (and any question that answer reveals), and
//! every final pair's restrictions are compared with the engine's own rules.
//! Restrictions do not depend on scores, so this needs no ranking.

use std::collections::{BTreeSet, HashMap};
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::ControlFlow;

mod classes;
mod hash;
mod json;
mod skips;
mod states;

use classes::*;
use hash::*;
pub use json::answers_json;
use skips::*;
use states::*;

use crate::answers::{Answer, Answers};
use crate::model::{Condition, Content, QuestionKind, Safeguard};
use crate::score::{
    Evaluation, Restrictions, applying_rules, band_of, is_risk_answer, option_set, rank, score,
};

/// The result of proving a content's safeguards.
#[derive(Clone, Debug)]
pub struct Proof {
    /// Every reachable answer set.
    pub answer_sets: u128,
    /// Distinct control states (what rules and safeguards can see).
    pub controls: usize,
    /// Distinct cases ranked (a merged state with a free score vector).
    pub cases: u64,
    pub safeguards: Vec<SafeguardProof>,
}

#[derive(Clone, Debug)]
pub struct SafeguardProof {
    pub id: String,
    /// The answer sets for which its condition holds: each was checked.
    pub covered: u128,
    /// The first answer set found that breaks it, if any.
    pub counterexample: Option<Counterexample>,
}

#[derive(Clone, Debug)]
pub struct Counterexample {
    /// Which promise broke, e.g. `never_leads: "coaching" leads`.
    pub broken: String,
    pub answers: Answers,
    /// The outcome `score` gives: best suggestions, then the rest, by id.
    pub best: Vec<String>,
    pub ranked: Vec<String>,
}

impl Proof {
    pub fn holds(&self) -> bool {
        self.safeguards.iter().all(|s| s.counterexample.is_none())
    }
}

/// A multiple-choice question's answer subsets are enumerated; validation
/// caps its answers at [`crate::content::limits::MAX_MULTI_ANSWERS`].
const MAX_SUBSET_BITS: usize = crate::content::limits::MAX_MULTI_ANSWERS;

/// Answer tests are held as bits.
const MAX_TESTS: usize = 128;

/// How much [`prove_with`] may reason instead of enumerating.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// Where a promise follows from the rules' restrictions alone (a
    /// held-back option never leads, an excluded one is never among the
    /// best, a required set with an eligible member always has one there,
    /// urgent help leads on a risk answer: [`rank`]'s contract, tested
    /// exhaustively on small cases), it holds for every score vector, so
    /// those are not ranked one by one. Everything else is enumerated.
    Structural,
    /// Rank every case (the cross-check in the engine's tests).
    Exhaustive,
}

/// Proves the content's safeguards. The content must be valid.
pub fn prove(content: &Content) -> Result<Proof, String> {
    prove_with(content, Method::Structural)
}

/// [`prove`], choosing the method.
pub fn prove_with(content: &Content, method: Method) -> Result<Proof, String> {
    let tests = AnswerTests::collect(content)?;
    let questions = &content.questionnaire.questions;
    let n_opt = content.options.len();

    // Each question's raw answers, grouped into classes that differ in
    // weights, answer tests, risk or scale value.
    let raw: Vec<Vec<Answer>> = (0..questions.len())
        .map(|qi| raw_answers(content, qi))
        .collect();
    let mut classes: Vec<Vec<Class>> = Vec::with_capacity(questions.len());
    for (qi, q) in questions.iter().enumerate() {
        classes.push(answer_classes(content, qi, q, &raw[qi], &tests)?);
    }
    let seen: Vec<bool> = questions
        .iter()
        .enumerate()
        .map(|(qi, q)| {
            q.show_if.is_some()
                || q.safety
                || tests.on_question[qi] != 0
                || content.instrument_of(&q.id).is_some()
        })
        .collect();

    // Deferred: a seen question with many answers that differ in weights
    // only (a multiple choice's subsets). Its answers are grouped by what
    // rules can see; the walk with scores carries the group, not the
    // weights, which are added with the free questions' at the end, so
    // each group's weight vectors do not multiply every later state.
    let n_q = questions.len();
    let mut deferred = vec![None; n_q];
    let mut groups_of: Vec<Vec<Vec<usize>>> = vec![Vec::new(); n_q];
    let mut walk_classes = classes.clone();
    for qi in 0..n_q {
        let q = &questions[qi];
        if !seen[qi] || q.safety || content.instrument_of(&q.id).is_some() {
            continue;
        }
        let mut groups: Vec<((u128, bool), Vec<usize>)> = Vec::new();
        for (ci, c) in classes[qi].iter().enumerate() {
            match groups.iter_mut().find(|(sig, _)| *sig == (c.tests, c.risk)) {
                Some((_, members)) => members.push(ci),
                None => groups.push(((c.tests, c.risk), vec![ci])),
            }
        }
        if classes[qi].len() < DEFER_AT * groups.len() {
            continue;
        }
        deferred[qi] = Some(deferred.iter().flatten().count());
        walk_classes[qi] = groups
            .iter()
            .enumerate()
            .map(|(g, ((tests, risk), members))| Class {
                weights: vec![0; n_opt],
                tests: *tests,
                risk: *risk,
                value: None,
                count: members.iter().map(|&ci| classes[qi][ci].count).sum(),
                // The answer comes with the weights (see `Ranking::free_for`).
                rep: NOT_ASKED as usize,
                skip: members.iter().any(|&ci| classes[qi][ci].skip),
                answer: members.iter().any(|&ci| classes[qi][ci].answer),
                group: g as u32,
            })
            .collect();
        groups_of[qi] = groups.into_iter().map(|(_, m)| m).collect();
    }

    let machine = Machine::new(content, &tests, true).deferring(deferred);
    let score_len = machine.score_len;
    let seen_idx: Vec<usize> = (0..n_q).filter(|&qi| seen[qi]).collect();
    let free_idx: Vec<usize> = (0..n_q).filter(|&qi| !seen[qi]).collect();

    // The walk without scores: states merge into the control states.
    let run = || -> StateMap {
        let mut states: StateMap = StateMap::default();
        for (key, rep) in machine.starts() {
            merge(&mut states, key, 1, rep);
        }
        for &qi in &seen_idx {
            let mut next = StateMap::default();
            next.reserve(states.len() * 2);
            for (key, entry) in states.drain() {
                if machine.visible(&key, qi) {
                    for c in &classes[qi] {
                        let mut rep = entry.rep.clone();
                        rep[qi] = c.rep as u32;
                        let k = machine.step(&key, qi, Some(c), false);
                        merge(&mut next, k, entry.count * c.count, rep);
                    }
                } else {
                    let k = machine.step(&key, qi, None, false);
                    merge(&mut next, k, entry.count, entry.rep.clone());
                }
            }
            states = next;
        }
        states
    };

    // The free questions' weights: every distinct vector they can add.
    let mut free: HashMap<Box<[i32]>, AnswerClass, Fx> = HashMap::default();
    free.insert(
        vec![0i32; n_opt].into_boxed_slice(),
        AnswerClass {
            count: 1,
            rep: vec![NOT_ASKED; n_q + 1].into_boxed_slice(),
        },
    );
    for &qi in &free_idx {
        let mut next: HashMap<Box<[i32]>, AnswerClass, Fx> = HashMap::default();
        for (v, e) in free.drain() {
            for c in &classes[qi] {
                let mut w = v.clone();
                for (s, x) in w.iter_mut().zip(&c.weights) {
                    *s += x;
                }
                let mut rep = e.rep.clone();
                rep[qi] = c.rep as u32;
                merge(&mut next, w, e.count * c.count, rep);
            }
        }
        free = next;
    }
    let free: Vec<(Box<[i32]>, AnswerClass)> = free.into_iter().collect();
    let free_total: u128 = free.iter().map(|(_, e)| e.count).sum();

    // Rules and safeguards per control part of the state (everything but
    // the scores), evaluated once with the engine's own code. A first pass
    // without scores finds the controls; only when some promise does not
    // follow from the restrictions are the scores tracked and ranked.
    let sets: Vec<PromiseSets> = content
        .safeguards
        .iter()
        .map(|s| PromiseSets::of(content, s))
        .collect();
    let urgent_at = content.options.iter().position(|o| o.urgent);
    let mut controls: HashMap<Box<[i32]>, usize, Fx> = HashMap::default();
    let mut control_info: Vec<ControlOutcome> = Vec::new();
    let mut covered = vec![0u128; content.safeguards.len()];
    let mut answer_sets = 0u128;
    let mut open_controls = false;
    for (key, entry) in run() {
        answer_sets += entry.count * free_total;
        let ctl: Box<[i32]> = key[score_len..].into();
        if !controls.contains_key(&ctl) {
            let answers = rebuild(&machine, &raw, &entry.rep);
            let c = ControlOutcome::evaluate(content, &answers, &sets, urgent_at);
            open_controls |= method == Method::Exhaustive || c.safeguards & !c.structural != 0;
            control_info.push(c);
            controls.insert(ctl.clone(), control_info.len() - 1);
        }
        let c = &control_info[controls[&ctl]];
        for (si, n) in covered.iter_mut().enumerate() {
            if c.safeguards & (1 << si) != 0 {
                *n += entry.count * free_total;
            }
        }
    }
    // The safeguards some control leaves open: once each has a
    // counterexample, nothing more can be learnt and the walk stops.
    let open_mask = control_info.iter().fold(0u64, |m, c| {
        m | if method == Method::Structural {
            c.safeguards & !c.structural
        } else {
            c.safeguards
        }
    });
    let mut broken: Vec<Option<Broken>> = vec![None; sets.len()];
    let mut cases = 0u64;
    if open_controls {
        let mut starts = StateMap::default();
        for (key, rep) in machine.starts() {
            merge(&mut starts, key, 1, rep);
        }
        let mut ranking = Ranking {
            content,
            method,
            machine: &machine,
            classes: &classes,
            groups_of: &groups_of,
            controls: &controls,
            control_info: &control_info,
            free: HashMap::default(),
            sets: &sets,
        };
        ranking.free.insert(vec![0; score_len - n_opt].into(), free);
        let _ = walk_batched(
            &machine,
            &walk_classes,
            &seen_idx,
            0,
            starts,
            &mut |finals| {
                let (n, found) = ranking.rank(finals, &broken);
                cases += n;
                for (b, f) in broken.iter_mut().zip(found) {
                    if b.is_none() {
                        *b = f;
                    }
                }
                let unbroken = (0..sets.len())
                    .filter(|&si| broken[si].is_none())
                    .fold(0u64, |m, si| m | 1 << si);
                if open_mask & unbroken == 0 {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                }
            },
        );
    }

    let answering = prove_skips(
        &machine,
        &classes,
        &raw,
        &seen_idx,
        &mut controls,
        &mut control_info,
        &sets,
        urgent_at,
    );
    for (si, (n, _)) in answering.iter().enumerate() {
        let s = &content.safeguards[si];
        if s.answering_keeps_restrictions || s.skipping_keeps_restrictions {
            covered[si] = n * free_total;
        }
    }
    let safeguards = content
        .safeguards
        .iter()
        .enumerate()
        .map(|(si, s)| {
            let counterexample = answering[si].1.clone().or_else(|| {
                broken[si].clone().map(|(broken, rep)| {
                    let answers = rebuild(&machine, &raw, &rep);
                    let outcome = score(content, &answers);
                    let ids = |list: &[crate::score::Suggestion<'_>]| {
                        list.iter().map(|s| s.option.id.clone()).collect()
                    };
                    Counterexample {
                        broken,
                        best: ids(outcome.best()),
                        ranked: ids(&outcome.ranked),
                        answers,
                    }
                })
            });
            SafeguardProof {
                id: s.id.clone(),
                covered: covered[si],
                counterexample,
            }
        })
        .collect();
    Ok(Proof {
        answer_sets,
        controls: control_info.len(),
        cases,
        safeguards,
    })
}

/// A seen question is deferred when it has at least this many answer
/// classes per group that rules can tell apart.
const DEFER_AT: usize = 4;

/// Final states are ranked in batches of about this many: when a
/// question's states pass it, those so far go on through the rest of the
/// questions before the others (depth first), so memory stays near this
/// many states per question however large the answer space. States in
/// different batches are not merged, which costs time, never soundness.
/// Only the score walk needs it: without scores, states merge well.
const BATCH: usize = 1 << 17;

/// The walk with scores from the `at`-th seen question, handing each batch
/// of final states to `sink`, which may stop it.
fn walk_batched(
    machine: &Machine<'_>,
    classes: &[Vec<Class>],
    seen_idx: &[usize],
    at: usize,
    states: StateMap,
    sink: &mut dyn FnMut(StateMap) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let Some(&qi) = seen_idx.get(at) else {
        return sink(states);
    };
    let mut next = StateMap::default();
    for (key, entry) in states {
        if machine.visible(&key, qi) {
            for c in &classes[qi] {
                let mut rep = entry.rep.clone();
                rep[qi] = c.rep as u32;
                let k = machine.step(&key, qi, Some(c), true);
                merge(&mut next, k, entry.count * c.count, rep);
            }
        } else {
            let k = machine.step(&key, qi, None, true);
            merge(&mut next, k, entry.count, entry.rep);
        }
        if next.len() >= BATCH {
            let batch = std::mem::take(&mut next);
            walk_batched(machine, classes, seen_idx, at + 1, batch, sink)?;
        }
    }
    if next.is_empty() {
        return ControlFlow::Continue(());
    }
    walk_batched(machine, classes, seen_idx, at + 1, next, sink)
}

/// Ranks final states with every free score vector.
struct Ranking<'a> {
    content: &'a Content,
    method: Method,
    machine: &'a Machine<'a>,
    classes: &'a [Vec<Class>],
    /// Per deferred question, its groups' classes.
    groups_of: &'a [Vec<Vec<usize>>],
    controls: &'a HashMap<Box<[i32]>, usize, Fx>,
    control_info: &'a [ControlOutcome],
    /// Per deferred questions' groups (a key's deferred slots), every
    /// vector the free and deferred questions can add; made when first met.
    free: HashMap<Box<[i32]>, FreeVectors, Fx>,
    sets: &'a [PromiseSets],
}

type FreeVectors = Vec<(Box<[i32]>, AnswerClass)>;

impl Ranking<'_> {
    /// The free vectors for deferred slots `slots`: the free questions'
    /// with each asked deferred question's group's weights added.
    fn free_for(&mut self, slots: &[i32]) {
        if self.free.contains_key(slots) {
            return;
        }
        let none: Box<[i32]> = vec![0; slots.len()].into();
        let mut out: HashMap<Box<[i32]>, AnswerClass, Fx> =
            self.free[&none].iter().cloned().collect();
        for (qi, slot) in self.machine.deferred.iter().enumerate() {
            let Some(slot) = slot else { continue };
            let Some(g) = (slots[*slot] as usize).checked_sub(1) else {
                continue;
            };
            let mut next: HashMap<Box<[i32]>, AnswerClass, Fx> = HashMap::default();
            for (v, e) in out.drain() {
                for &ci in &self.groups_of[qi][g] {
                    let c = &self.classes[qi][ci];
                    let w: Box<[i32]> = v.iter().zip(&c.weights).map(|(a, b)| a + b).collect();
                    let mut rep = e.rep.clone();
                    rep[qi] = c.rep as u32;
                    merge(&mut next, w, e.count * c.count, rep);
                }
            }
            out = next;
        }
        self.free.insert(slots.into(), out.into_iter().collect());
    }

    /// Ranks a batch: how many cases, and per safeguard the first answer
    /// set found that breaks it (none sought for those `known` broken).
    fn rank(&mut self, finals: StateMap, known: &[Option<Broken>]) -> (u64, Vec<Option<Broken>>) {
        let (n_opt, score_len) = (self.machine.n_opt, self.machine.score_len);
        // Keyed by control, then scores and deferred slots.
        let mut groups: HashMap<GroupKey, AnswerClass, Fx> = HashMap::default();
        for (key, entry) in finals {
            let id = self.controls[&key[score_len..]];
            let c = &self.control_info[id];
            let open = if self.method == Method::Structural {
                c.safeguards & !c.structural
            } else {
                c.safeguards
            };
            if open == 0 {
                continue;
            }
            let base: Box<[i32]> = key[..n_opt]
                .iter()
                .zip(&c.rule_weights)
                .map(|(a, b)| a + b)
                .chain(key[n_opt..score_len].iter().copied())
                .collect();
            merge(&mut groups, (id, base), entry.count, entry.rep);
        }
        let groups: Vec<(GroupKey, AnswerClass)> = groups.into_iter().collect();
        for ((_, base), _) in &groups {
            self.free_for(&base[n_opt..]);
        }
        let this = &*self;
        let urgent = this.content.options.iter().position(|o| o.urgent);
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
        let chunk = groups.len().div_ceil(threads).max(1);
        let found: Vec<(u64, Vec<Option<Broken>>)> = std::thread::scope(|scope| {
            let workers: Vec<_> = groups
                .chunks(chunk)
                .map(|part| {
                    scope.spawn(move || {
                        let mut broken: Vec<Option<Broken>> = known.to_vec();
                        let mut order = Vec::with_capacity(n_opt);
                        let mut scores = vec![0i32; n_opt];
                        let mut cases = 0u64;
                        for ((id, base), entry) in part {
                            let c = &this.control_info[*id];
                            for (f, fe) in &this.free[&base[n_opt..]] {
                                for ((s, b), x) in scores.iter_mut().zip(base.iter()).zip(f.iter())
                                {
                                    *s = b + x;
                                }
                                let best =
                                    rank(&scores, urgent, &c.restrictions, c.crisis, &mut order);
                                cases += 1;
                                for (si, set) in this.sets.iter().enumerate() {
                                    if c.safeguards & (1 << si) == 0 || broken[si].is_some() {
                                        continue;
                                    }
                                    if let Some(why) = set.check(this.content, &order[..best]) {
                                        let rep: Box<[u32]> = entry
                                            .rep
                                            .iter()
                                            .zip(fe.rep.iter())
                                            .map(|(&a, &b)| if a == NOT_ASKED { b } else { a })
                                            .collect();
                                        broken[si] = Some((why, rep));
                                    }
                                }
                            }
                        }
                        (cases, broken)
                    })
                })
                .collect();
            workers
                .into_iter()
                .map(|w| w.join().expect("proof worker"))
                .collect()
        });
        let cases = found.iter().map(|(n, _)| n).sum();
        let broken = (0..self.sets.len())
            .map(|si| found.iter().find_map(|(_, b)| b[si].clone()))
            .collect();
        (cases, broken)
    }
}
