use std::collections::BTreeSet;

use signpost_engine::model::QuestionKind;
use signpost_engine::{Answer, is_risk_answer};
use yew::prelude::*;

use crate::components::{NavButton, Paragraphs};
use crate::content::{use_guide, use_session};
use crate::state::{Action, Screen};

#[derive(Clone, Debug, PartialEq, Properties)]
pub struct QuestionPageProps {
    pub id: AttrValue,
}

/// One question: a fieldset whose legend is the question, native radio
/// buttons or checkboxes each with its own label, and Back / Skip / Next.
#[component]
pub fn QuestionPage(props: &QuestionPageProps) -> Html {
    let g = use_guide();
    let session = use_session();
    let content = g.content.clone();
    let Some(q) = content.question(&props.id) else {
        return html! {};
    };
    let answers = &session.answers;
    let current = answers.get(&q.id).cloned();
    let (n, total) = content.progress(&q.id, answers);
    let next = content
        .next_question(Some(&q.id), answers)
        .map(|q| q.id.clone());
    let previous = content
        .previous_question(&q.id, answers)
        .map(|q| q.id.clone());
    let instrument = content.instrument_of(&q.id);
    let multi = q.kind == QuestionKind::Multi;
    let answered = current.as_ref().is_some_and(|a| !a.is_empty());

    let choose = {
        let session = session.clone();
        let content = content.clone();
        let qid = q.id.clone();
        Callback::from(move |(choice, checked): (String, bool)| {
            let answer = if multi {
                let mut set = match session.answers.get(&qid) {
                    Some(Answer::Many(set)) => set.clone(),
                    _ => BTreeSet::new(),
                };
                if checked {
                    set.insert(choice);
                } else {
                    set.remove(&choice);
                }
                Answer::Many(set)
            } else {
                Answer::One(choice)
            };
            let risk = is_risk_answer(&content, &qid, &answer);
            session.dispatch(Action::Answer {
                question: qid.clone(),
                answer,
                risk,
            });
        })
    };
    let go_next = {
        let session = session.clone();
        let next = next.clone();
        let required = !q.optional;
        Callback::from(move |_| {
            if required && !answered {
                session.dispatch(Action::MissingAnswer);
            } else {
                session.dispatch(Action::Go(
                    next.clone().map_or(Screen::Results, Screen::Question),
                ));
            }
        })
    };
    let skip = {
        let session = session.clone();
        let next = next.clone();
        let qid = q.id.clone();
        Callback::from(move |_| {
            session.dispatch(Action::Answer {
                question: qid.clone(),
                answer: Answer::Skipped,
                risk: false,
            });
            session.dispatch(Action::Go(
                next.clone().map_or(Screen::Results, Screen::Question),
            ));
        })
    };
    let go_back = {
        let session = session.clone();
        Callback::from(move |_| {
            session.dispatch(Action::Go(
                previous.clone().map_or(Screen::Welcome, Screen::Question),
            ))
        })
    };
    let to_results = {
        let session = session.clone();
        Callback::from(move |_| session.dispatch(Action::Go(Screen::Results)))
    };

    let described_by = [
        q.lead.as_ref().map(|_| "sp-q-lead"),
        instrument.map(|_| "sp-q-stem"),
        q.hint.as_ref().map(|_| "sp-q-hint"),
        q.optional.then_some("sp-q-optional"),
        session.missing_answer.then_some("sp-q-error"),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");

    html! {
        <section class="sp-page sp-question" aria-labelledby="sp-title">
            <h1 id="sp-title" tabindex="-1">
                { g.ui_with("question_progress", &[("n", &n.to_string()), ("total", &total.to_string())]) }
            </h1>
            <progress class="sp-progress" max={total.to_string()} value={n.to_string()} aria-hidden="true"></progress>
            if n == 1 {
                <div class="sp-intro"><Paragraphs text={content.questionnaire.intro.clone()} /></div>
            }
            if !q.links.is_empty() {
                <ul class="sp-links sp-no-print" role="list">
                { for q.links.iter().filter_map(|id| content.audience(id)).map(|a| html! {
                    <li>
                        <NavButton to={Screen::Audience(a.id.clone())} class="sp-button--link">
                            { g.t(&a.title) }
                        </NavButton>
                    </li>
                }) }
                </ul>
            }
            if let Some(lead) = &q.lead {
                <p id="sp-q-lead" class="sp-lead">{ g.t(lead) }</p>
            }
            <fieldset class="sp-fieldset" aria-describedby={(!described_by.is_empty()).then_some(described_by)}
                aria-invalid={session.missing_answer.then_some("true")}>
                <legend class="sp-legend">{ g.t(&q.text) }</legend>
                if let Some(i) = instrument {
                    <p id="sp-q-stem" class="sp-stem">{ g.t(&i.stem) }</p>
                }
                if let Some(h) = &q.hint {
                    <p id="sp-q-hint" class="sp-hint">{ g.t(h) }</p>
                }
                if q.optional {
                    <p id="sp-q-optional" class="sp-hint">{ g.ui("optional") }</p>
                }
                <div class="sp-choices">
                { for q.choices(&content).into_iter().map(|ch| {
                    let id = format!("sp-{}-{}", q.id, ch.id);
                    let checked = current.as_ref().is_some_and(|a| a.includes(ch.id));
                    let choose = choose.clone();
                    let value = ch.id.to_string();
                    let onchange = Callback::from(move |e: Event| {
                        let checked = e
                            .target_dyn_into::<web_sys::HtmlInputElement>()
                            .is_none_or(|i| i.checked());
                        choose.emit((value.clone(), checked));
                    });
                    html! {
                        <div class="sp-choice">
                            <input type={if multi { "checkbox" } else { "radio" }} id={id.clone()}
                                name={format!("sp-{}", q.id)} value={ch.id.to_string()} {checked} {onchange} />
                            <label for={id}>{ g.t(ch.label) }</label>
                        </div>
                    }
                }) }
                </div>
            </fieldset>
            if session.missing_answer {
                <p id="sp-q-error" class="sp-error" role="alert">{ g.ui("answer_required") }</p>
            }
            if let Some(i) = instrument {
                <p class="sp-attribution">{ g.t(&i.attribution) }</p>
            }
            <div class="sp-actions sp-actions--step">
                <button type="button" class="sp-button sp-button--quiet" onclick={go_back}>{ g.ui("back") }</button>
                if q.optional {
                    <button type="button" class="sp-button sp-button--quiet" onclick={skip}>{ g.ui("skip") }</button>
                }
                <button type="button" class="sp-button sp-button--primary" onclick={go_next}>
                    { if next.is_some() { g.ui("next") } else { g.ui("see_results") } }
                </button>
            </div>
            if session.results_seen && next.is_some() {
                <p><button type="button" class="sp-button sp-button--link" onclick={to_results}>{ g.ui("back_to_results") }</button></p>
            }
        </section>
    }
}
