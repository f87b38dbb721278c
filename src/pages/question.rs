use signpost_engine::Ui;
use signpost_engine::model::QuestionKind;
use yew::prelude::*;

use crate::components::{ById, NavButton, Page, paragraphs};
use crate::context::{use_guide, use_session};
use crate::state::{Action, Screen};

/// One question: a fieldset whose legend is the question, native radio
/// buttons or checkboxes each with its own label, and Back / Skip / Next.
/// What each button does is the reducer's decision (`state::Action`).
#[component]
pub fn QuestionPage(props: &ById) -> Html {
    let guide = use_guide();
    let session = use_session();
    let content = &guide.content;
    let Some(q) = content.question(&props.id) else {
        return html! {};
    };
    let current = session.answers.get(&q.id);
    let (n, total) = content.progress(&q.id, &session.answers);
    let last = session.after(&q.id) == Screen::Results;
    let instrument = content.instrument_of(&q.id);
    let multi = q.kind == QuestionKind::Multi;
    let dispatch = |action: Action| {
        let session = session.clone();
        Callback::from(move |_| session.dispatch(action.clone()))
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
        <Page class="sp-question" title={guide.ui_with(Ui::QuestionProgress, &[("n", &n.to_string()), ("total", &total.to_string())])}>
            <progress class="sp-progress" max={total.to_string()} value={n.to_string()} aria-hidden="true"></progress>
            if n == 1 {
                <div class="sp-intro">{ paragraphs(&guide, &content.questionnaire.intro) }</div>
            }
            if !q.links.is_empty() {
                <ul class="sp-links sp-no-print" role="list">
                { for q.links.iter().filter_map(|id| content.audience(id)).map(|a| html! {
                    <li>
                        <NavButton to={Screen::Audience(a.id.clone())} class="sp-button--link">
                            { guide.text(&a.title) }
                        </NavButton>
                    </li>
                }) }
                </ul>
            }
            if let Some(lead) = &q.lead {
                <p id="sp-q-lead" class="sp-lead">{ guide.text(lead) }</p>
            }
            <fieldset class="sp-fieldset" aria-describedby={(!described_by.is_empty()).then_some(described_by)}
                aria-invalid={session.missing_answer.then_some("true")}>
                <legend class="sp-legend">{ guide.text(&q.text) }</legend>
                if let Some(i) = instrument {
                    <p id="sp-q-stem" class="sp-stem">{ guide.text(&i.stem) }</p>
                }
                if let Some(h) = &q.hint {
                    <p id="sp-q-hint" class="sp-hint">{ guide.text(h) }</p>
                }
                if q.optional {
                    <p id="sp-q-optional" class="sp-hint">{ guide.ui(Ui::Optional) }</p>
                }
                <div class="sp-choices">
                { for q.choices(content).into_iter().map(|ch| {
                    let id = format!("sp-{}-{}", q.id, ch.id);
                    let checked = current.is_some_and(|a| a.includes(ch.id));
                    let onchange = {
                        let session = session.clone();
                        let answer = ch.id.to_string();
                        Callback::from(move |e: Event| {
                            let checked = e
                                .target_dyn_into::<web_sys::HtmlInputElement>()
                                .is_none_or(|i| i.checked());
                            session.dispatch(Action::Choose { answer: answer.clone(), checked });
                        })
                    };
                    html! {
                        <div key={ch.id} class="sp-choice">
                            <input type={if multi { "checkbox" } else { "radio" }} id={id.clone()}
                                name={format!("sp-{}", q.id)} value={ch.id.to_string()} {checked} {onchange} />
                            <label for={id}>{ guide.text(ch.label) }</label>
                        </div>
                    }
                }) }
                </div>
            </fieldset>
            if session.missing_answer {
                <p id="sp-q-error" class="sp-error" role="alert">{ guide.ui(Ui::AnswerRequired) }</p>
            }
            if let Some(i) = instrument {
                <p class="sp-attribution">{ guide.text(&i.attribution) }</p>
            }
            <div class="sp-actions sp-actions--step">
                <button type="button" class="sp-button sp-button--quiet" data-sp-step="back" onclick={dispatch(Action::Back)}>{ guide.ui(Ui::Back) }</button>
                if q.optional {
                    <button type="button" class="sp-button sp-button--quiet" data-sp-step="skip" onclick={dispatch(Action::Skip)}>{ guide.ui(Ui::Skip) }</button>
                }
                <button type="button" class="sp-button sp-button--primary" data-sp-step="next" onclick={dispatch(Action::Next)}>
                    { guide.ui(if last { Ui::SeeResults } else { Ui::Next }) }
                </button>
            </div>
            if session.results_seen && !last {
                <p><button type="button" class="sp-button sp-button--link" onclick={dispatch(Action::Go(Screen::Results))}>{ guide.ui(Ui::BackToResults) }</button></p>
            }
        </Page>
    }
}
