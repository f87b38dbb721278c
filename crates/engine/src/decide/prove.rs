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
//!    vectors they can add.
//! 4. For each final state, rules and safeguards are evaluated with the
//!    engine's own [`Condition::holds`] on the state's representative answer
//!    set, and every free vector is added and ranked with the engine's own
//!    [`rank`]: the same code that scores a visitor's answers.
//!
//! A broken promise is reported with a concrete answer set and the outcome
//! [`score`] gives for it.
//!
//! `answering_keeps_restrictions` compares answer sets in pairs: the same
//! walk runs over pairs of states, the second answering one optional
//! question the first skipped (and any question that answer reveals), and
//! every final pair's restrictions are compared with the engine's own rules.
//! Restrictions do not depend on scores, so this needs no ranking.

use std::collections::{BTreeSet, HashMap};
use std::hash::{BuildHasherDefault, Hasher};

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
/// caps its answers at [`crate::validate::MAX_MULTI_ANSWERS`].
const MAX_SUBSET_BITS: usize = crate::validate::MAX_MULTI_ANSWERS;

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

    let machine = Machine::new(content, &tests);
    let n_q = questions.len();
    let seen_idx: Vec<usize> = (0..n_q).filter(|&qi| seen[qi]).collect();
    let free_idx: Vec<usize> = (0..n_q).filter(|&qi| !seen[qi]).collect();

    let run = |with_scores: bool| -> StateMap {
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
                        let k = machine.step(&key, qi, Some(c), with_scores);
                        merge(&mut next, k, entry.count * c.count, rep);
                    }
                } else {
                    let k = machine.step(&key, qi, None, with_scores);
                    merge(&mut next, k, entry.count, entry.rep.clone());
                }
            }
            states = next;
        }
        states
    };

    // The free questions' weights: every distinct vector they can add.
    let mut free: HashMap<Box<[i32]>, Entry, Fx> = HashMap::default();
    free.insert(
        vec![0i32; n_opt].into_boxed_slice(),
        Entry {
            count: 1,
            rep: vec![NOT_ASKED; n_q + 1].into_boxed_slice(),
        },
    );
    for &qi in &free_idx {
        let mut next: HashMap<Box<[i32]>, Entry, Fx> = HashMap::default();
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
    let free: Vec<(Box<[i32]>, Entry)> = free.into_iter().collect();
    let free_total: u128 = free.iter().map(|(_, e)| e.count).sum();

    // Rules and safeguards per control part of the state (everything but
    // the scores), evaluated once with the engine's own code. A first pass
    // without scores finds the controls; only when some promise does not
    // follow from the restrictions are the scores tracked and ranked.
    let sets: Vec<Sets> = content
        .safeguards
        .iter()
        .map(|s| Sets::of(content, s))
        .collect();
    let urgent_at = content.options.iter().position(|o| o.urgent);
    let mut controls: HashMap<Box<[i32]>, usize, Fx> = HashMap::default();
    let mut control_info: Vec<Control> = Vec::new();
    let mut groups: HashMap<GroupKey, Entry, Fx> = HashMap::default();
    let mut covered = vec![0u128; content.safeguards.len()];
    let mut answer_sets = 0u128;
    let mut open_controls = false;
    for (key, entry) in run(false) {
        answer_sets += entry.count * free_total;
        let ctl: Box<[i32]> = key[n_opt..].into();
        if !controls.contains_key(&ctl) {
            let answers = rebuild(&machine, &raw, &entry.rep);
            let c = Control::evaluate(content, &answers, &sets, urgent_at);
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
    let states = if open_controls {
        run(true)
    } else {
        StateMap::default()
    };
    for (key, entry) in states {
        let ctl: Box<[i32]> = key[n_opt..].into();
        let id = controls[&ctl];
        let c = &control_info[id];
        let open = if method == Method::Structural {
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
            .collect();
        merge(&mut groups, (id, base), entry.count, entry.rep.to_vec());
    }

    // Rank every group with every free vector.
    let groups: Vec<(GroupKey, Entry)> = groups.into_iter().collect();
    let urgent = content.options.iter().position(|o| o.urgent);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    let chunk = groups.len().div_ceil(threads).max(1);
    let found: Vec<(u64, Vec<Option<Broken>>)> = std::thread::scope(|scope| {
        let workers: Vec<_> = groups
            .chunks(chunk)
            .map(|part| {
                let (control_info, free, sets) = (&control_info, &free, &sets);
                scope.spawn(move || {
                    let mut broken: Vec<Option<Broken>> = vec![None; sets.len()];
                    let mut order = Vec::with_capacity(n_opt);
                    let mut scores = vec![0i32; n_opt];
                    let mut cases = 0u64;
                    for ((id, base), entry) in part {
                        let c = &control_info[*id];
                        for (f, fe) in free {
                            for ((s, b), x) in scores.iter_mut().zip(base.iter()).zip(f.iter()) {
                                *s = b + x;
                            }
                            let best = rank(&scores, urgent, &c.restrictions, c.crisis, &mut order);
                            cases += 1;
                            for (si, set) in sets.iter().enumerate() {
                                if c.safeguards & (1 << si) == 0 || broken[si].is_some() {
                                    continue;
                                }
                                if let Some(why) = set.check(content, &order[..best]) {
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
                found
                    .iter()
                    .find_map(|(_, b)| b[si].clone())
                    .map(|(broken, rep)| {
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

/// A skipped optional question and every way to answer it, walked side by
/// side: the answer set that skipped it first, then one per answer class
/// (each with the answers it reveals), the rest of their answers the same.
#[derive(Clone)]
struct FamilyEntry {
    count: u128,
    /// Raw answers of each member (each `width` long, with the
    /// earlier-risk slot), then the question skipped (or `NOT_ASKED`).
    rep: Vec<u32>,
}

/// Proves `answering_keeps_restrictions` and `skipping_keeps_restrictions`:
/// per safeguard, how many families (over the seen questions; the free ones
/// cannot change a restriction) were compared where its `when` holds with
/// the question skipped, and the first family that breaks it.
#[allow(clippy::too_many_arguments)]
fn prove_skips(
    machine: &Machine<'_>,
    classes: &[Vec<Class>],
    raw: &[Vec<Answer>],
    seen_idx: &[usize],
    controls: &mut HashMap<Box<[i32]>, usize, Fx>,
    control_info: &mut Vec<Control>,
    sets: &[Sets],
    urgent: Option<usize>,
) -> Vec<(u128, Option<Counterexample>)> {
    let content = machine.content;
    let n_sg = content.safeguards.len();
    let mut out: Vec<(u128, Option<Counterexample>)> = vec![(0, None); n_sg];
    let relational =
        |s: &Safeguard| s.answering_keeps_restrictions || s.skipping_keeps_restrictions;
    if !content.safeguards.iter().any(relational) {
        return out;
    }
    let questions = &content.questionnaire.questions;
    let width = questions.len() + 1;
    // Members' keys, A (the skip) first; whether the skip is behind.
    type FamilyKey = (Vec<Box<[i32]>>, bool);
    let mut states: HashMap<FamilyKey, FamilyEntry, Fx> = HashMap::default();
    let add = |map: &mut HashMap<FamilyKey, FamilyEntry, Fx>, key: FamilyKey, e: FamilyEntry| {
        map.entry(key)
            .and_modify(|x| x.count += e.count)
            .or_insert(e);
    };
    for (key, rep) in machine.starts() {
        let rep: Vec<u32> = rep.iter().copied().chain([NOT_ASKED]).collect();
        add(
            &mut states,
            (vec![key], false),
            FamilyEntry { count: 1, rep },
        );
    }
    for &qi in seen_idx {
        let mut next: HashMap<FamilyKey, FamilyEntry, Fx> = HashMap::default();
        let skip_raw = raw[qi].iter().position(|a| *a == Answer::Skipped);
        let skip_class = classes[qi].iter().find(|c| c.skip);
        let answered: Vec<&Class> = classes[qi].iter().filter(|c| !c.skip).collect();
        for ((keys, used), e) in states.drain() {
            let shown: Vec<bool> = keys.iter().map(|k| machine.visible(k, qi)).collect();
            if shown.iter().any(|&v| v) {
                // The same answer for every member it is shown to.
                for c in &classes[qi] {
                    let mut rep = e.rep.clone();
                    let keys = keys
                        .iter()
                        .zip(&shown)
                        .enumerate()
                        .map(|(m, (k, &v))| {
                            if v {
                                rep[m * width + qi] = c.rep as u32;
                            }
                            machine.step(k, qi, v.then_some(c), false)
                        })
                        .collect();
                    add(
                        &mut next,
                        (keys, used),
                        FamilyEntry {
                            count: e.count * c.count,
                            rep,
                        },
                    );
                }
            } else {
                let keys = keys
                    .iter()
                    .map(|k| machine.step(k, qi, None, false))
                    .collect();
                add(&mut next, (keys, used), e.clone());
            }
            // Or: the family of this question skipped and answered.
            if let (false, true, Some(skip), Some(skip_raw)) =
                (used, shown[0], skip_class, skip_raw)
                && !answered.is_empty()
            {
                let one = &e.rep[..width];
                let mut rep: Vec<u32> = Vec::with_capacity((answered.len() + 1) * width + 1);
                rep.extend_from_slice(one);
                rep[qi] = skip_raw as u32;
                let mut members = vec![machine.step(&keys[0], qi, Some(skip), false)];
                for c in &answered {
                    let start = rep.len();
                    rep.extend_from_slice(one);
                    rep[start + qi] = c.rep as u32;
                    members.push(machine.step(&keys[0], qi, Some(c), false));
                }
                rep.push(qi as u32);
                add(
                    &mut next,
                    (members, true),
                    FamilyEntry {
                        count: e.count,
                        rep,
                    },
                );
            }
        }
        states = next;
    }
    let n_opt = machine.n_opt;
    let mut control_of = |key: &[i32], rep: &[u32], info: &mut Vec<Control>| -> usize {
        let ctl: Box<[i32]> = key[n_opt..].into();
        if let Some(&id) = controls.get(&ctl) {
            return id;
        }
        let answers = rebuild(machine, raw, rep);
        info.push(Control::evaluate(content, &answers, sets, urgent));
        controls.insert(ctl, info.len() - 1);
        info.len() - 1
    };
    for ((keys, used), e) in states {
        if !used {
            continue;
        }
        let ids: Vec<usize> = keys
            .iter()
            .enumerate()
            .map(|(m, k)| control_of(k, &e.rep[m * width..(m + 1) * width], control_info))
            .collect();
        let qi = e.rep[keys.len() * width] as usize;
        let skipped = &control_info[ids[0]];
        for (si, s) in content.safeguards.iter().enumerate() {
            if !relational(s) || skipped.safeguards & (1 << si) == 0 {
                continue;
            }
            out[si].0 += e.count;
            if out[si].1.is_some() {
                continue;
            }
            let mut broken = None;
            if s.answering_keeps_restrictions {
                broken = ids[1..].iter().enumerate().find_map(|(m, &b)| {
                    lifted(content, &skipped.restrictions, &control_info[b].restrictions)
                        .map(|why| (m + 1, format!("answering_keeps_restrictions: answering \"{}\" where it was skipped {why}", questions[qi].id)))
                });
            }
            if broken.is_none() && s.skipping_keeps_restrictions {
                let every: Vec<&Restrictions> = ids[1..]
                    .iter()
                    .map(|&b| &control_info[b].restrictions)
                    .collect();
                broken = lifted(content, &common(&every), &skipped.restrictions).map(|why| {
                    (0, format!("skipping_keeps_restrictions: skipping \"{}\", where every answer would keep a restriction, {why}", questions[qi].id))
                });
            }
            let Some((m, broken)) = broken else {
                continue;
            };
            let answers = rebuild(machine, raw, &e.rep[m * width..(m + 1) * width]);
            let outcome = score(content, &answers);
            let ids = |list: &[crate::score::Suggestion<'_>]| {
                list.iter().map(|s| s.option.id.clone()).collect()
            };
            out[si].1 = Some(Counterexample {
                broken,
                best: ids(outcome.best()),
                ranked: ids(&outcome.ranked),
                answers,
            });
        }
    }
    out
}

/// The restrictions every one of `all` keeps: an option each holds back
/// or keeps out (held back), one each keeps out (kept out), and each set
/// that every one requires, or requires a part of.
fn common(all: &[&Restrictions]) -> Restrictions {
    let mut r = Restrictions {
        held: u64::MAX,
        excluded: u64::MAX,
        required: Vec::new(),
    };
    for x in all {
        r.held &= x.held | x.excluded;
        r.excluded &= x.excluded;
    }
    r.held &= !r.excluded;
    let candidates: BTreeSet<u64> = all
        .iter()
        .flat_map(|x| x.required.iter().copied())
        .collect();
    r.required = candidates
        .into_iter()
        .filter(|&set| {
            all.iter()
                .all(|x| x.required.iter().any(|&s| s & !set == 0))
        })
        .collect();
    if all.is_empty() {
        return Restrictions::default();
    }
    r
}

/// What answering lifted: a hold-back (an option held back before is now
/// neither held back nor kept out), an exclusion, or a required set (no set
/// now required is within it).
fn lifted(content: &Content, before: &Restrictions, after: &Restrictions) -> Option<String> {
    let name = |set: u64| -> String {
        (0..content.options.len())
            .filter(|i| set & (1 << i) != 0)
            .map(|i| format!("\"{}\"", content.options[i].id))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let held = before.held & !(after.held | after.excluded);
    if held != 0 {
        return Some(format!("lifts the hold-back on {}", name(held)));
    }
    let excluded = before.excluded & !after.excluded;
    if excluded != 0 {
        return Some(format!("lifts the exclusion of {}", name(excluded)));
    }
    before
        .required
        .iter()
        .find(|&&set| !after.required.iter().any(|&s| s & !set == 0))
        .map(|&set| format!("lifts the requirement of one of {}", name(set)))
}

/// The walk over the seen questions: a state is a key of
/// `[scores; options] [tests: 4 words] [risk] [per instrument: sum,
/// skipped, subscale sums]`; past an instrument's last item its sum is
/// replaced by its band's index (-1 for none) and each subscale sum by its
/// flag.
struct Machine<'a> {
    content: &'a Content,
    tests: &'a AnswerTests,
    n_opt: usize,
    tests_at: usize,
    risk_at: usize,
    inst_at: usize,
    key_len: usize,
    /// Per instrument: its first slot.
    inst_slot: Vec<usize>,
    /// Per question: (instrument index, its subscales holding the item).
    items: Vec<Vec<(usize, Vec<usize>)>>,
    /// Per instrument: the index of its last item.
    last_item: Vec<usize>,
    /// One risk answer of the first safety question: a visit's earlier,
    /// taken-back risk answer is rebuilt with it.
    earlier_risk: Option<(String, String)>,
}

impl<'a> Machine<'a> {
    fn new(content: &'a Content, tests: &'a AnswerTests) -> Machine<'a> {
        let questions = &content.questionnaire.questions;
        let instruments = &content.questionnaire.instruments;
        let n_opt = content.options.len();
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
            tests_at: n_opt,
            risk_at: n_opt + 4,
            inst_at: n_opt + 5,
            key_len: n_opt + 5 + slots,
            inst_slot,
            items,
            last_item,
            earlier_risk,
        }
    }

    /// The states before the first question: no answer, with and without a
    /// risk answer given earlier and taken back (the last slot of `rep`).
    fn starts(&self) -> Vec<(Box<[i32]>, Rep)> {
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

    fn visible(&self, key: &[i32], qi: usize) -> bool {
        match self.tests.show_if[qi] {
            None => true,
            Some(t) => read_tests(&key[self.tests_at..self.tests_at + 4]) & (1u128 << t) != 0,
        }
    }

    /// The state after question `qi` gets an answer of `class` (`None`: it
    /// was not asked).
    fn step(&self, key: &[i32], qi: usize, class: Option<&Class>, with_scores: bool) -> Box<[i32]> {
        let mut k: Box<[i32]> = key.into();
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
                }
                let tests_now = read_tests(&k[self.tests_at..self.tests_at + 4]);
                write_tests(
                    &mut k[self.tests_at..self.tests_at + 4],
                    tests_now | c.tests,
                );
                k[self.risk_at] |= i32::from(c.risk);
                for (ii, subs) in &self.items[qi] {
                    let base = self.inst_at + self.inst_slot[*ii];
                    match c.value {
                        Some(v) => {
                            k[base] += v as i32;
                            for &si in subs {
                                k[base + 2 + si] += v as i32;
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
        k
    }
}

const NOT_ASKED: u32 = u32::MAX;

/// Per question, the index of its raw answer (or `NOT_ASKED`); last, 1 when
/// a risk answer was taken back earlier in the visit.
type Rep = Box<[u32]>;

/// A control state's index and a score vector.
type GroupKey = (usize, Box<[i32]>);
/// What broke, and the answer set (raw answer per question) that breaks it.
type Broken = (String, Box<[u32]>);
/// Registers an answer test: question id, answer ids -> its bit.
type AddTest<'a> =
    dyn FnMut(&mut AnswerTests, &str, BTreeSet<String>) -> Result<usize, String> + 'a;

#[derive(Clone)]
struct Entry {
    /// How many answer sets this stands for.
    count: u128,
    /// One of them: per question, the index of its raw answer, or NOT_ASKED.
    rep: Box<[u32]>,
}

type StateMap = HashMap<Box<[i32]>, Entry, Fx>;

fn merge<K: std::hash::Hash + Eq>(
    map: &mut HashMap<K, Entry, Fx>,
    key: K,
    count: u128,
    rep: impl Into<Box<[u32]>>,
) {
    map.entry(key)
        .and_modify(|e| e.count += count)
        .or_insert_with(|| Entry {
            count,
            rep: rep.into(),
        });
}

fn read_tests(words: &[i32]) -> u128 {
    words.iter().enumerate().fold(0u128, |acc, (i, w)| {
        acc | (u128::from(*w as u32) << (32 * i))
    })
}

fn write_tests(words: &mut [i32], bits: u128) {
    for (i, w) in words.iter_mut().enumerate() {
        *w = (bits >> (32 * i)) as u32 as i32;
    }
}

/// Every answer test of the content's conditions and `show_if`s, as
/// "question's answer includes one of these", deduplicated.
struct AnswerTests {
    /// (question index, answer ids)
    tests: Vec<(usize, BTreeSet<String>)>,
    /// Per question: the bits of the tests on it.
    on_question: Vec<u128>,
    /// Per question: the bit of its `show_if` test.
    show_if: Vec<Option<usize>>,
}

impl AnswerTests {
    fn collect(content: &Content) -> Result<AnswerTests, String> {
        let questions = &content.questionnaire.questions;
        let mut t = AnswerTests {
            tests: Vec::new(),
            on_question: vec![0; questions.len()],
            show_if: vec![None; questions.len()],
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
            if let Some(s) = &q.show_if {
                let bit = add(&mut t, &s.question, s.any_of.iter().cloned().collect())?;
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

/// Raw answers of one question that no rule, safeguard or `show_if` can
/// tell apart.
struct Class {
    weights: Vec<i32>,
    tests: u128,
    risk: bool,
    value: Option<u32>,
    count: u128,
    /// Index of one of its raw answers (see [`raw_answer`]).
    rep: usize,
    /// The skip of an optional question is among its raw answers.
    skip: bool,
}

/// Raw answer `i` of question `q`: its choices in order, then (multi) every
/// non-empty subset by bitmask, then a skip when optional.
fn raw_answers(content: &Content, qi: usize) -> Vec<Answer> {
    let q = &content.questionnaire.questions[qi];
    let choices: Vec<String> = q
        .choices(content)
        .iter()
        .map(|c| c.id.to_string())
        .collect();
    let mut out: Vec<Answer> = match q.kind {
        QuestionKind::Single | QuestionKind::Scale => {
            choices.iter().cloned().map(Answer::One).collect()
        }
        QuestionKind::Multi => (1u32..(1 << choices.len().min(MAX_SUBSET_BITS)))
            .map(|mask| {
                Answer::Many(
                    choices
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| mask & (1 << i) != 0)
                        .map(|(_, c)| c.clone())
                        .collect(),
                )
            })
            .collect(),
    };
    if q.optional {
        out.push(Answer::Skipped);
    }
    out
}

fn answer_classes(
    content: &Content,
    qi: usize,
    q: &crate::model::Question,
    raw: &[Answer],
    tests: &AnswerTests,
) -> Result<Vec<Class>, String> {
    if q.kind == QuestionKind::Multi && q.answers.len() > MAX_SUBSET_BITS {
        return Err(format!(
            "question \"{}\" has more than {MAX_SUBSET_BITS} answers: too many subsets to prove",
            q.id
        ));
    }
    let n_opt = content.options.len();
    let scale = q.scale.as_deref().and_then(|s| content.scale(s));
    let mut by_sig: HashMap<(Vec<i32>, u128, bool, Option<u32>), usize> = HashMap::new();
    let mut classes: Vec<Class> = Vec::new();
    for (i, a) in raw.iter().enumerate() {
        let mut weights = vec![0i32; n_opt];
        if q.kind != QuestionKind::Scale {
            for ans in q.answers.iter().filter(|x| a.includes(&x.id)) {
                for w in &ans.weights {
                    if let Some(i) = content.option_index(&w.option) {
                        weights[i] += w.points;
                    }
                }
            }
        }
        let mut bits = 0u128;
        for (ti, (tq, ids)) in tests.tests.iter().enumerate() {
            if *tq == qi && ids.iter().any(|id| a.includes(id)) {
                bits |= 1 << ti;
            }
        }
        let risk = q.safety && is_risk_answer(content, &q.id, a);
        let value = match (scale, a) {
            (Some(s), Answer::One(id)) => s.answers.iter().find(|x| x.id == *id).map(|x| x.value),
            _ => None,
        };
        let sig = (weights.clone(), bits, risk, value);
        let skip = *a == Answer::Skipped;
        match by_sig.get(&sig) {
            Some(&c) => {
                classes[c].count += 1;
                classes[c].skip |= skip;
            }
            None => {
                by_sig.insert(sig, classes.len());
                classes.push(Class {
                    weights,
                    tests: bits,
                    risk,
                    value,
                    count: 1,
                    rep: i,
                    skip,
                });
            }
        }
    }
    Ok(classes)
}

/// The answer set a representative stands for (its last slot: a risk
/// answer was given earlier and taken back).
fn rebuild(machine: &Machine<'_>, raw: &[Vec<Answer>], rep: &[u32]) -> Answers {
    let questions = &machine.content.questionnaire.questions;
    let mut answers = Answers::default();
    if rep.get(questions.len()) == Some(&1)
        && let Some((q, a)) = &machine.earlier_risk
    {
        answers.note_earlier(q.clone(), a.clone());
    }
    for (qi, &r) in rep.iter().take(questions.len()).enumerate() {
        if r != NOT_ASKED {
            answers.set(questions[qi].id.clone(), raw[qi][r as usize].clone());
        }
    }
    answers
}

/// What the rules and safeguards make of one control state.
struct Control {
    rule_weights: Vec<i32>,
    restrictions: Restrictions,
    crisis: bool,
    /// Bits of the safeguards whose condition holds.
    safeguards: u64,
    /// Bits of those whose promises follow from the restrictions alone.
    structural: u64,
}

impl Control {
    fn evaluate(
        content: &Content,
        answers: &Answers,
        sets: &[Sets],
        urgent: Option<usize>,
    ) -> Control {
        let evaluation = Evaluation::of(content, answers);
        let crisis = evaluation.crisis;
        let facts = evaluation.facts(answers);
        let rules = applying_rules(content, &facts);
        let mut rule_weights = vec![0i32; content.options.len()];
        for r in &rules {
            for w in &r.weights {
                if let Some(i) = content.option_index(&w.option) {
                    rule_weights[i] += w.points;
                }
            }
        }
        let safeguards = content
            .safeguards
            .iter()
            .enumerate()
            .filter(|(_, s)| s.when.holds(&facts))
            .fold(0u64, |m, (i, _)| m | (1 << i));
        let restrictions = Restrictions::from_rules(content, &rules);
        let structural = sets
            .iter()
            .enumerate()
            .filter(|(i, set)| {
                safeguards & (1 << i) != 0 && set.follows(&restrictions, crisis, urgent)
            })
            .fold(0u64, |m, (i, _)| m | (1 << i));
        Control {
            rule_weights,
            restrictions,
            crisis,
            safeguards,
            structural,
        }
    }
}

/// A safeguard's promises as option sets.
struct Sets {
    never_leads: u64,
    never_best: u64,
    best_includes_one_of: u64,
    leads_with_one_of: u64,
}

impl Sets {
    fn of(content: &Content, s: &Safeguard) -> Sets {
        Sets {
            never_leads: option_set(content, &s.never_leads),
            never_best: option_set(content, &s.never_best),
            best_includes_one_of: option_set(content, &s.best_includes_one_of),
            leads_with_one_of: option_set(content, &s.leads_with_one_of),
        }
    }

    /// Whether every promise holds whatever the scores, by [`rank`]'s
    /// contract: the urgent option leads on a risk answer and is never
    /// ranked otherwise; a held-back option never leads; an excluded one is
    /// never among the best; a required set with a member that is neither
    /// excluded nor held back always has a member among the best.
    fn follows(&self, r: &Restrictions, crisis: bool, urgent: Option<usize>) -> bool {
        let u = urgent.map_or(0, |u| 1u64 << u);
        // Options that can never lead / never be among the best here.
        let never_lead = if crisis { !u } else { r.held | r.excluded | u };
        let never_best = r.excluded | if crisis { 0 } else { u };
        let always_best_one_of: Vec<u64> = r
            .required
            .iter()
            .copied()
            .filter(|&set| set & !r.excluded & !r.held != 0)
            .chain(crisis.then_some(u))
            .collect();
        let always_leads = if crisis { u } else { 0 };
        self.never_leads & !never_lead == 0
            && self.never_best & !never_best == 0
            && (self.best_includes_one_of == 0
                || always_best_one_of
                    .iter()
                    .any(|&set| set != 0 && set & !self.best_includes_one_of == 0))
            && (self.leads_with_one_of == 0
                || (always_leads != 0 && always_leads & !self.leads_with_one_of == 0))
    }

    /// What is broken for this best set (option indices, lead first).
    fn check(&self, content: &Content, best: &[usize]) -> Option<String> {
        let name = |i: usize| content.options[i].id.as_str();
        let bit = |i: usize| 1u64 << i;
        let lead = best.first().copied();
        if let Some(l) = lead
            && self.never_leads & bit(l) != 0
        {
            return Some(format!("never_leads: \"{}\" leads", name(l)));
        }
        if let Some(&i) = best.iter().find(|&&i| self.never_best & bit(i) != 0) {
            return Some(format!("never_best: \"{}\" is among the best", name(i)));
        }
        if self.best_includes_one_of != 0
            && !best
                .iter()
                .any(|&i| self.best_includes_one_of & bit(i) != 0)
        {
            return Some("best_includes_one_of: none of them is among the best".into());
        }
        if self.leads_with_one_of != 0 && lead.is_none_or(|l| self.leads_with_one_of & bit(l) == 0)
        {
            return Some(match lead {
                Some(l) => format!("leads_with_one_of: \"{}\" leads instead", name(l)),
                None => "leads_with_one_of: nothing leads".into(),
            });
        }
        None
    }
}

/// The answers as `signpost-check --score` reads them.
pub fn answers_json(content: &Content, answers: &Answers) -> String {
    let mut parts = Vec::new();
    for q in &content.questionnaire.questions {
        let Some(a) = answers.get(&q.id) else {
            continue;
        };
        let value = match a {
            Answer::One(id) => format!("\"{id}\""),
            Answer::Many(set) => format!(
                "[{}]",
                set.iter()
                    .map(|s| format!("\"{s}\""))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Answer::Skipped => continue,
        };
        parts.push(format!("\"{}\": {value}", q.id));
    }
    format!("{{ {} }}", parts.join(", "))
}

/// FxHash (rustc's): fast for the small integer keys of the proof.
#[derive(Default, Clone, Copy)]
struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut w = [0u8; 8];
            w[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(w));
        }
    }
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

impl FxHasher {
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

type Fx = BuildHasherDefault<FxHasher>;
