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
    let mut control_of = |key: &[i32], rep: &[u32], info: &mut Vec<ControlOutcome>| -> usize {
        let ctl: Box<[i32]> = key[n_opt..].into();
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
