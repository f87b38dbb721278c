//! The relational safeguards: a skipped question and every answer to it,
//! walked side by side (`answering_keeps_restrictions`,
//! `skipping_keeps_restrictions`).

use super::*;

/// A skipped optional question and every way to answer it, walked side by
/// side: the answer set that skipped it first, then one per answer class
/// (each with the answers it reveals), the rest of their answers the same.
#[derive(Clone)]
pub(super) struct FamilyEntry {
    pub(super) count: u128,
    /// Raw answers of each member (each `width` long, with the
    /// earlier-risk slot), then the question skipped (or `NOT_ASKED`).
    pub(super) rep: Vec<u32>,
}

/// Proves `answering_keeps_restrictions` and `skipping_keeps_restrictions`:
/// per safeguard, how many families (over the seen questions; the free ones
/// cannot change a restriction) were compared where its `when` holds with
/// the question skipped, and the first family that breaks it.
#[allow(clippy::too_many_arguments)]
pub(super) fn prove_skips(
    machine: &Machine<'_>,
    classes: &[Vec<Class>],
    raw: &[Vec<Answer>],
    seen_idx: &[usize],
    controls: &mut HashMap<Box<[i32]>, usize, Fx>,
    control_info: &mut Vec<ControlOutcome>,
    sets: &[PromiseSets],
    urgent: Option<usize>,
) -> Vec<(u128, Option<Counterexample>)> {
    let content = machine.content;
    // Restrictions do not depend on scores: keys without them.
    let machine = &Machine::new(content, machine.tests, false);
    let n_sg = content.safeguards.len();
    let mut out: Vec<(u128, Option<Counterexample>)> = vec![(0, None); n_sg];
    let relational =
        |s: &Safeguard| s.answering_keeps_restrictions || s.skipping_keeps_restrictions;
    if !content.safeguards.iter().any(relational) {
        return out;
    }
    let questions = &content.questionnaire.questions;
    let width = questions.len() + 1;
    // Members' keys one after another (each `kl` long), A (the skip)
    // first; whether the skip is behind. Flat, so a step allocates once.
    let kl = machine.key_len;
    type FamilyKey = (Box<[i32]>, bool);
    let mut states: HashMap<FamilyKey, FamilyEntry, Fx> = HashMap::default();
    // The answer sets are built only for a family not met before: most
    // steps only add to a count.
    let add = |map: &mut HashMap<FamilyKey, FamilyEntry, Fx>,
               (keys, used): (Vec<i32>, bool),
               count: u128,
               rep: &dyn Fn() -> Vec<u32>| {
        let (key, order) = canonical(keys, kl);
        let key = (key, used);
        if let Some(x) = map.get_mut(&key) {
            x.count += count;
            return;
        }
        let full = rep();
        let rep = match order {
            None => full,
            Some(order) => {
                let mut r = Vec::with_capacity(order.len() * width + 1);
                for m in order {
                    r.extend_from_slice(&full[m * width..(m + 1) * width]);
                }
                let n = (full.len() - 1) / width;
                r.extend_from_slice(&full[n * width..]);
                r
            }
        };
        map.insert(key, FamilyEntry { count, rep });
    };
    for (key, rep) in machine.starts() {
        let rep: Vec<u32> = rep.iter().copied().chain([NOT_ASKED]).collect();
        add(&mut states, (key.to_vec(), false), 1, &|| rep.clone());
    }
    for &qi in seen_idx {
        let mut next: HashMap<FamilyKey, FamilyEntry, Fx> =
            HashMap::with_capacity_and_hasher(states.len() * 2, Fx::default());
        let skip_raw = raw[qi].iter().position(|a| *a == Answer::Skipped);
        let skip_class = classes[qi].iter().find(|c| c.skip);
        // Every answer, also one that shares the skip's class: "every
        // answer would keep it" must count it.
        let answered: Vec<&Class> = classes[qi].iter().filter(|c| c.answer).collect();
        for ((keys, used), e) in states.drain() {
            let shown: Vec<bool> = keys.chunks(kl).map(|k| machine.visible(k, qi)).collect();
            if shown.iter().any(|&v| v) {
                // The same answer for every member it is shown to.
                for c in &classes[qi] {
                    let mut stepped = keys.to_vec();
                    for (k, &v) in stepped.chunks_mut(kl).zip(&shown) {
                        machine.step_in_place(k, qi, v.then_some(c), false);
                    }
                    add(&mut next, (stepped, used), e.count * c.count, &|| {
                        let mut rep = e.rep.clone();
                        for (m, &v) in shown.iter().enumerate() {
                            if v {
                                rep[m * width + qi] = c.rep as u32;
                            }
                        }
                        rep
                    });
                }
            } else {
                let mut stepped = keys.to_vec();
                for k in stepped.chunks_mut(kl) {
                    machine.step_in_place(k, qi, None, false);
                }
                add(&mut next, (stepped, used), e.count, &|| e.rep.clone());
            }
            // Or: the family of this question skipped and answered.
            if let (false, true, Some(skip), Some(skip_raw)) =
                (used, shown[0], skip_class, skip_raw)
                && !answered.is_empty()
            {
                let first = &keys[..kl];
                let mut members = Vec::with_capacity((answered.len() + 1) * kl);
                for c in std::iter::once(skip).chain(answered.iter().copied()) {
                    let start = members.len();
                    members.extend_from_slice(first);
                    machine.step_in_place(&mut members[start..], qi, Some(c), false);
                }
                add(&mut next, (members, true), e.count, &|| {
                    let one = &e.rep[..width];
                    let mut rep: Vec<u32> = Vec::with_capacity((answered.len() + 1) * width + 1);
                    rep.extend_from_slice(one);
                    rep[qi] = skip_raw as u32;
                    for c in &answered {
                        let start = rep.len();
                        rep.extend_from_slice(one);
                        rep[start + qi] = c.rep as u32;
                    }
                    rep.push(qi as u32);
                    rep
                });
            }
        }
        states = next;
    }
    let score_len = machine.score_len;
    let mut control_of = |key: &[i32], rep: &[u32], info: &mut Vec<ControlOutcome>| -> usize {
        let ctl: Box<[i32]> = key[score_len..].into();
        if let Some(&id) = controls.get(&ctl) {
            return id;
        }
        let answers = rebuild(machine, raw, rep);
        info.push(ControlOutcome::evaluate(content, &answers, sets, urgent));
        controls.insert(ctl, info.len() - 1);
        info.len() - 1
    };
    for ((keys, used), e) in states {
        if !used {
            continue;
        }
        let ids: Vec<usize> = keys
            .chunks(kl)
            .enumerate()
            .map(|(m, k)| control_of(k, &e.rep[m * width..(m + 1) * width], control_info))
            .collect();
        let qi = e.rep[ids.len() * width] as usize;
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

/// A family with its answering members (all but the first, the skip) in
/// order and each state once: members in the same state have the same
/// restrictions, so neither promise can tell them apart, and families that
/// differ only in that merge (without it, follow-ups multiply families).
/// Also which members were kept, in order, when that is not all of them.
fn canonical(keys: Vec<i32>, kl: usize) -> (Box<[i32]>, Option<Vec<usize>>) {
    let n = keys.len() / kl;
    if n <= 2 {
        return (keys.into_boxed_slice(), None);
    }
    let member = |m: usize| &keys[m * kl..(m + 1) * kl];
    let mut order: Vec<usize> = (1..n).collect();
    order.sort_by(|&a, &b| member(a).cmp(member(b)));
    order.dedup_by(|a, b| member(*a) == member(*b));
    order.insert(0, 0);
    if order.len() == n && order.iter().enumerate().all(|(i, &m)| i == m) {
        return (keys.into_boxed_slice(), None);
    }
    let mut out = Vec::with_capacity(order.len() * kl);
    for &m in &order {
        out.extend_from_slice(member(m));
    }
    (out.into_boxed_slice(), Some(order))
}

/// The restrictions every one of `all` keeps: an option each holds back
/// or keeps out (held back), one each keeps out (kept out), and each set
/// that every one requires, or requires a part of.
pub(super) fn common(all: &[&Restrictions]) -> Restrictions {
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
pub(super) fn lifted(
    content: &Content,
    before: &Restrictions,
    after: &Restrictions,
) -> Option<String> {
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
