//! The plain-text summary a visitor can copy or download. Built from the
//! same outcome the results screen shows; never leaves the device unless
//! the visitor takes it.

use std::fmt::Write;

use signpost_engine::model::QuestionKind;
use signpost_engine::{Answers, Outcome, Ui};

use crate::context::Guide;

/// One question and the visitor's answer in words.
pub struct AnswerLine<'c> {
    pub id: &'c str,
    pub question: String,
    /// The chosen answers, or "Skipped" / "Not asked".
    pub answer: String,
    /// Whether the question is asked given the other answers (only then
    /// can it be changed).
    pub asked: bool,
}

/// Each question, in order, with the visitor's answer in words.
pub fn answer_lines<'c>(guide: &'c Guide, answers: &Answers) -> Vec<AnswerLine<'c>> {
    let c = &guide.content;
    let visible = c.visible_questions(answers);
    c.questionnaire
        .questions
        .iter()
        .map(|q| (q, visible.iter().any(|v| v.id == q.id)))
        // A follow-up not taken is not listed: it was never the visitor's
        // to answer.
        .filter(|(q, asked)| *asked || !c.is_follow_up(q))
        .map(|(q, asked)| {
            let chosen = answers.get(&q.id).map(|a| a.chosen()).unwrap_or_default();
            let words = if !asked {
                guide.ui(Ui::NotAsked).to_string()
            } else if chosen.is_empty() {
                guide.ui(Ui::Skipped).to_string()
            } else {
                let choices = q.choices(c);
                chosen
                    .iter()
                    .filter_map(|id| choices.iter().find(|ch| ch.id == *id))
                    .map(|ch| guide.text(ch.label).to_string())
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            let mut question = guide.text(&q.text).to_string();
            if q.kind == QuestionKind::Scale && !q.safety {
                question = format!(
                    "{question} ({})",
                    c.instrument_of(&q.id).map_or("", |i| guide.text(&i.name))
                );
            }
            AnswerLine {
                id: &q.id,
                question,
                answer: words,
                asked,
            }
        })
        .collect()
}

pub fn summary(guide: &Guide, outcome: &Outcome<'_>, answers: &Answers) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{}\n", guide.ui(Ui::SummaryTitle));
    if outcome.crisis {
        let _ = writeln!(s, "{}", guide.ui(Ui::CrisisTitle));
        let (words, first) = crate::components::crisis_words(guide, answers);
        for w in words {
            let _ = writeln!(s, "{w}");
        }
        contact_lines(&mut s, guide, first);
        s.push('\n');
    }
    let mut list = |title: &str, items: &[signpost_engine::score::Suggestion<'_>]| {
        if items.is_empty() {
            return;
        }
        let _ = writeln!(s, "{title}");
        for (i, item) in items.iter().enumerate() {
            let _ = writeln!(
                s,
                "{}. {}: {}",
                i + 1,
                guide.text(&item.option.name),
                guide.text(&item.option.summary)
            );
            for r in &item.reasons {
                let _ = writeln!(s, "   - {}", guide.text(r.text));
            }
        }
        s.push('\n');
    };
    list(guide.ui(Ui::BestTitle), outcome.best());
    list(guide.ui(Ui::OthersTitle), outcome.others());
    if !outcome.cautions.is_empty() {
        let _ = writeln!(s, "{}", guide.ui(Ui::CautionsTitle));
        for c in &outcome.cautions {
            let _ = writeln!(s, "- {}", guide.text(c.text));
        }
        s.push('\n');
    }
    for r in outcome.instruments.iter().filter(|r| r.asked) {
        let _ = writeln!(
            s,
            "{}: {}",
            guide.ui(Ui::MoodTitle),
            guide.text(&r.instrument.name)
        );
        if r.total.is_none() {
            let key = if r.band.is_some() {
                Ui::MoodAtLeast
            } else {
                Ui::MoodIncomplete
            };
            let _ = writeln!(s, "{}", guide.ui(key));
        }
        if let Some(band) = r.band {
            let _ = writeln!(
                s,
                "{}. {}",
                guide.text(&band.label),
                guide.text(&band.meaning)
            );
        }
        if let Some(total) = r.total {
            let max = r.instrument.max_total();
            let score = guide.ui_with(
                Ui::MoodScore,
                &[("n", &total.to_string()), ("total", &max.to_string())],
            );
            let _ = writeln!(s, "{score}");
        }
        for (name, score, flag) in mood_subscales(guide, r) {
            match flag {
                Some(meaning) => {
                    let _ = writeln!(
                        s,
                        "- {name}: {score} ({}). {meaning}",
                        guide.ui(Ui::MoodFlagged)
                    );
                }
                None => {
                    let _ = writeln!(s, "- {name}: {score}");
                }
            }
        }
        s.push('\n');
    }
    let actions = signpost_engine::score::self_care(&guide.content, answers);
    if !actions.is_empty() {
        let _ = writeln!(s, "{}", guide.ui(Ui::SelfCareTitle));
        for a in actions {
            let _ = writeln!(s, "- {}: {}", guide.text(&a.title), guide.text(&a.text));
        }
        s.push('\n');
    }
    route_lines(&mut s, guide);
    let _ = writeln!(s, "{}\n", guide.ui(Ui::NotDiagnosis));
    let _ = writeln!(s, "{}", guide.ui(Ui::YourAnswers));
    for line in answer_lines(guide, answers) {
        let _ = writeln!(s, "- {}: {}", line.question, line.answer);
    }
    s
}

/// Each sub-score to show: (name, score or "at least n", the meaning when
/// flagged). Complete ones always; partial ones when already flagged.
pub fn mood_subscales<'guide>(
    guide: &'guide Guide,
    r: &'guide signpost_engine::score::InstrumentResult<'_>,
) -> Vec<(&'guide str, String, Option<&'guide str>)> {
    r.subscales
        .iter()
        .filter(|s| s.score.is_some() || s.flagged)
        .map(|s| {
            let score = match s.score {
                Some(n) => n.to_string(),
                None => guide.ui_with(Ui::MoodAtLeastScore, &[("n", &s.at_least.to_string())]),
            };
            (
                guide.text(&s.subscale.name),
                score,
                s.flagged.then(|| guide.text(&s.subscale.meaning)),
            )
        })
        .collect()
}

/// The safety plan as plain text: each step's heading and what the visitor
/// wrote, the crisis numbers in the professionals' step.
pub fn plan_text(
    guide: &Guide,
    plan: &[String; crate::state::PLAN_STEPS],
    first: signpost_engine::directory::LinesFirst,
) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{}\n", guide.ui(Ui::PlanTitle));
    for (i, (title, _)) in crate::pages::PLAN.iter().enumerate() {
        let _ = writeln!(s, "{}", guide.ui(*title));
        let written = plan[i].trim();
        if !written.is_empty() {
            let _ = writeln!(s, "{written}");
        }
        if i == 4 {
            contact_lines(&mut s, guide, first);
        }
        s.push('\n');
    }
    s
}

/// The crisis contacts as lines of text: the country, each number, when
/// they were checked.
fn contact_lines(s: &mut String, guide: &Guide, first: signpost_engine::directory::LinesFirst) {
    let set = guide.contacts(first);
    let name_of = crate::platform::country_namer(guide.locale);
    match &set.country {
        Some(code) => {
            let _ = writeln!(
                s,
                "{}",
                guide.ui_with(Ui::CrisisNumbersFor, &[("country", &name_of(code))])
            );
        }
        None => {
            let _ = writeln!(s, "{}", guide.ui(Ui::CrisisNoCountry));
        }
    }
    let emergency = set.emergency.iter().map(|d| (d, true));
    for (d, is_emergency) in emergency.chain(set.lines.iter().map(|d| (d, false))) {
        let (name, how, detail) = crate::components::describe(guide, d, is_emergency, &name_of);
        // A chat's address is the action itself on paper.
        let how = if d.chat { d.href.clone() } else { how };
        let detail = if detail.is_empty() {
            String::new()
        } else {
            format!(" ({})", detail.join(", "))
        };
        let _ = writeln!(s, "- {name}: {how}{detail}");
    }
    if let Some(date) = &set.checked {
        let date = crate::components::check_date(date, guide.locale);
        let _ = writeln!(
            s,
            "{}",
            guide.ui_with(Ui::NumbersChecked, &[("date", &date)])
        );
    }
}

/// The clinic's services and the country's public routes, as on the results.
fn route_lines(s: &mut String, guide: &Guide) {
    let services = guide.config.services(guide.locale);
    let country = guide.country_entry();
    let public = country.map(|c| c.routes.as_slice()).unwrap_or_default();
    if services.is_empty() && public.is_empty() {
        return;
    }
    let _ = writeln!(s, "{}", guide.ui(Ui::RoutesTitle));
    let how = |url: &Option<String>, phone: &Option<String>| {
        [phone.as_deref(), url.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ")
    };
    for x in services {
        let _ = writeln!(s, "- {}: {}", x.name, how(&x.web, &x.phone));
    }
    for r in public {
        let kind = guide.ui(crate::pages::route_kind(r.kind));
        let region = r
            .region
            .as_deref()
            .map(|x| format!(", {x}"))
            .unwrap_or_default();
        let _ = writeln!(
            s,
            "- {} ({kind}{region}): {}",
            r.name,
            how(&r.url, &r.phone)
        );
    }
    s.push('\n');
}
