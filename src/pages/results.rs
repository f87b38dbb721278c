use signpost_engine::Ui;
use signpost_engine::score::Suggestion;
use signpost_engine::{Outcome, score};
use yew::prelude::*;

use crate::components::{NavButton, Page, TakeAway, paragraphs};
use crate::context::{Guide, Remember, tel, use_guide, use_session};
use crate::state::{Action, Screen};
use crate::summary::{answer_lines, mood_subscales, summary};

/// The results: best-fitting options first with the reasons, the rest
/// ranked, cautions, the PHQ-4 in plain words then numbers, what to expect,
/// the visitor's answers (each changeable), and ways to take it away.
/// The outcome is computed here from the answers, never stored.
#[component]
pub fn Results() -> Html {
    let g = use_guide();
    let session = use_session();
    let content = g.content.clone();
    let outcome = score(&content, &session.answers);
    let text = summary(&g, &outcome, &session.answers);
    let restart = {
        let session = session.clone();
        Callback::from(move |_| session.dispatch(Action::Restart))
    };
    let remember = {
        let session = session.clone();
        Callback::from(move |e: Event| {
            let on = e
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .is_some_and(|i| i.checked());
            session.dispatch(Action::Remember(on));
        })
    };
    let forget = {
        let session = session.clone();
        Callback::from(move |_| session.dispatch(Action::Remember(false)))
    };

    html! {
        <Page class="sp-results" title={g.ui(Ui::ResultsTitle).to_string()} lead={g.ui(Ui::ResultsIntro).to_string()}>

            if !outcome.cautions.is_empty() {
                <section class="sp-cautions" aria-labelledby="sp-cautions-title">
                    <h2 id="sp-cautions-title">{ g.ui(Ui::CautionsTitle) }</h2>
                    <ul>{ for outcome.cautions.iter().map(|c| html! { <li>{ g.t(c.text) }</li> }) }</ul>
                </section>
            }

            { suggestions(&g, Ui::BestTitle, outcome.best(), true) }

            { mood(&g, &outcome) }

            if let Some(next) = outcome.next_step() {
                <section class="sp-detail" aria-labelledby="sp-first-title">
                    <h2 id="sp-first-title">{ format!("{}: {}", g.ui(Ui::FirstSession), g.t(&next.option.name)) }</h2>
                    { paragraphs(&g, &next.option.first_session) }
                    <h3>{ g.ui(Ui::Ask) }</h3>
                    <ul>{ for next.option.ask.get(g.locale).iter().map(|q| html! { <li>{ q }</li> }) }</ul>
                </section>
            }

            if !outcome.others().is_empty() {
                { suggestions(&g, Ui::OthersTitle, outcome.others(), false) }
            }

            <p class="sp-note"><strong>{ g.ui(Ui::NotDiagnosis) }</strong></p>

            if let Some(clinic) = &g.config.clinic {
                <section class="sp-clinic" aria-labelledby="sp-clinic-title">
                    <h2 id="sp-clinic-title">{ g.ui_with(Ui::ClinicContact, &[("name", &clinic.name)]) }</h2>
                    <ul role="list">
                        if let Some(phone) = &clinic.phone {
                            <li><a href={tel(phone)}>{ phone }</a></li>
                        }
                        if let Some(email) = &clinic.email {
                            <li><a href={format!("mailto:{email}")}>{ email }</a></li>
                        }
                        if let Some(web) = &clinic.web {
                            <li><a href={web.clone()} target="_blank" rel="noopener noreferrer">{ web }</a></li>
                        }
                    </ul>
                </section>
            }

            <div class="sp-actions sp-no-print">
                <NavButton to={Screen::Explore}>{ g.ui(Ui::Explore) }</NavButton>
                <NavButton to={Screen::Compare}>{ g.ui(Ui::CompareLink) }</NavButton>
            </div>

            <section class="sp-answers" aria-labelledby="sp-answers-title">
                <h2 id="sp-answers-title">{ g.ui(Ui::YourAnswers) }</h2>
                <dl>
                { for answer_lines(&g, &session.answers).into_iter().map(|line| html! {
                    <div class="sp-answer">
                        <dt>{ line.question.clone() }</dt>
                        <dd>
                            <span>{ line.answer }</span>
                            if line.asked {
                                <NavButton to={Screen::Question(line.id.to_string())} class="sp-button--link sp-no-print"
                                    label={AttrValue::from(format!("{}: {}", g.ui(Ui::Change), line.question))}>
                                    { g.ui(Ui::Change) }
                                </NavButton>
                            }
                        </dd>
                    </div>
                }) }
                </dl>
            </section>

            <TakeAway summary={AttrValue::from(text)} />

            if g.remember != Remember::Off {
            <section class="sp-remember sp-no-print" aria-labelledby="sp-remember-label">
                <div class="sp-choice">
                    <input type="checkbox" id="sp-remember" checked={session.remember}
                        aria-describedby="sp-remember-note" onchange={remember} />
                    <label for="sp-remember" id="sp-remember-label">{ g.ui(Ui::Remember) }</label>
                </div>
                <p id="sp-remember-note" class="sp-hint">{ g.ui(if g.remember == Remember::Site { Ui::RememberNoteSite } else { Ui::RememberNote }) }</p>
                if session.remember {
                    <button type="button" class="sp-button" onclick={forget}>{ g.ui(Ui::Forget) }</button>
                }
            </section>
            }

            <p class="sp-no-print">
                <button type="button" class="sp-button sp-button--danger" onclick={restart}>{ g.ui(Ui::StartAgain) }</button>
            </p>
        </Page>
    }
}

/// A titled, ranked list of suggestions: the best fits (their reasons
/// open) or the others.
fn suggestions(g: &Guide, title: Ui, list: &[Suggestion<'_>], best: bool) -> Html {
    let id = if best {
        "sp-best-title"
    } else {
        "sp-others-title"
    };
    html! {
        <section aria-labelledby={id}>
            <h2 {id}>{ g.ui(title) }</h2>
            <ol class={classes!("sp-suggestions", (!best).then_some("sp-suggestions--others"))} role="list">
                { for list.iter().map(|s| suggestion(g, s, best)) }
            </ol>
        </section>
    }
}

fn suggestion(g: &Guide, s: &Suggestion<'_>, best: bool) -> Html {
    let o = s.option;
    html! {
        // Keyed by option: a reordered list moves each item (an opened
        // "Why" included) with its option.
        <li key={o.id.as_str()} class={classes!("sp-suggestion", o.urgent.then_some("sp-suggestion--urgent"))}>
            <h3>{ g.t(&o.name) }</h3>
            <p>{ g.t(&o.summary) }</p>
            if !g.config.offers(o) {
                <p class="sp-not-offered">{ g.ui(Ui::NotOffered) }</p>
            }
            if best || !s.reasons.is_empty() {
                <details class="sp-why" open={best}>
                    <summary>{ g.ui(Ui::Why) }</summary>
                    if s.reasons.is_empty() {
                        <p>{ g.ui(Ui::NoReasons) }</p>
                    } else {
                        <ul>
                        // Plain reasons only: points are for professionals
                        // (signpost-check --score shows them).
                        { for s.reasons.iter().map(|r| html! { <li>{ g.t(r.text) }</li> }) }
                        </ul>
                    }
                </details>
            }
            <NavButton to={Screen::Option(o.id.clone())} class="sp-button--link sp-no-print">
                { g.ui_with(Ui::ReadMore, &[("name", g.t(&o.name))]) }
            </NavButton>
        </li>
    }
}

/// The screener results: plain words first, numbers second. With items
/// skipped, the band the answered items already reach (a floor), and every
/// sub-score that is complete or already flagged.
fn mood(g: &Guide, outcome: &Outcome<'_>) -> Html {
    html! { <>{
        for outcome.instruments.iter().map(|r| {
            let max = r.instrument.max_total();
            let subscales: Vec<(&str, String, Option<&str>)> = mood_subscales(g, r);
            html! {
                <section class="sp-mood" aria-labelledby={format!("sp-mood-{}", r.instrument.id)}>
                    <h2 id={format!("sp-mood-{}", r.instrument.id)}>{ g.ui(Ui::MoodTitle) }</h2>
                    if r.total.is_none() {
                        <p>{ g.ui(if r.band.is_some() { Ui::MoodAtLeast } else { Ui::MoodIncomplete }) }</p>
                    }
                    if let Some(band) = r.band {
                        <p class="sp-mood__band"><strong>{ g.t(&band.label) }</strong>{ ". " }{ g.t(&band.meaning) }</p>
                    }
                    if let Some(total) = r.total {
                        <p class="sp-mood__numbers">
                            { g.ui_with(Ui::MoodScore, &[("n", &total.to_string()), ("total", &max.to_string())]) }
                            { format!(" ({})", g.t(&r.instrument.name)) }
                        </p>
                    }
                    if !subscales.is_empty() {
                        <ul class="sp-mood__subscales">
                        { for subscales.iter().map(|(name, score, flag)| html! {
                            <li>
                                { format!("{name}: {score}") }
                                if let Some(meaning) = flag {
                                    { format!(" ({}). ", g.ui(Ui::MoodFlagged)) }{ *meaning }
                                }
                            </li>
                        }) }
                        </ul>
                    }
                </section>
            }
        })
    }</> }
}
