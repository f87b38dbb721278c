use signpost_engine::score::Suggestion;
use signpost_engine::{Outcome, score};
use yew::prelude::*;

use crate::components::{NavButton, Paragraphs, TakeAway};
use crate::content::{Guide, Remember, tel, use_guide, use_session};
use crate::state::{Action, Screen};
use crate::summary::{answer_lines, summary};

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
    let lead = outcome
        .best()
        .iter()
        .find(|s| !s.option.urgent)
        .or(outcome.ranked.first());

    html! {
        <section class="sp-page sp-results" aria-labelledby="sp-title">
            <h1 id="sp-title" tabindex="-1">{ g.ui("results_title") }</h1>
            <p class="sp-lead">{ g.ui("results_intro") }</p>

            if !outcome.cautions.is_empty() {
                <section class="sp-cautions" aria-labelledby="sp-cautions-title">
                    <h2 id="sp-cautions-title">{ g.ui("cautions_title") }</h2>
                    <ul>{ for outcome.cautions.iter().map(|c| html! { <li>{ g.t(c.text) }</li> }) }</ul>
                </section>
            }

            <section aria-labelledby="sp-best-title">
                <h2 id="sp-best-title">{ g.ui("best_title") }</h2>
                <ol class="sp-suggestions" role="list">
                    { for outcome.best().iter().map(|s| suggestion(&g, s, true)) }
                </ol>
            </section>

            { mood(&g, &outcome) }

            if let Some(lead) = lead {
                <section class="sp-detail" aria-labelledby="sp-first-title">
                    <h2 id="sp-first-title">{ format!("{}: {}", g.ui("first_session"), g.t(&lead.option.name)) }</h2>
                    <Paragraphs text={lead.option.first_session.clone()} />
                    <h3>{ g.ui("ask") }</h3>
                    <ul>{ for lead.option.ask.get(g.locale).iter().map(|q| html! { <li>{ q }</li> }) }</ul>
                </section>
            }

            if !outcome.others().is_empty() {
                <section aria-labelledby="sp-others-title">
                    <h2 id="sp-others-title">{ g.ui("others_title") }</h2>
                    <ol class="sp-suggestions sp-suggestions--others" role="list">
                        { for outcome.others().iter().map(|s| suggestion(&g, s, false)) }
                    </ol>
                </section>
            }

            <p class="sp-note"><strong>{ g.ui("not_diagnosis") }</strong></p>

            if let Some(clinic) = &g.config.clinic {
                <section class="sp-clinic" aria-labelledby="sp-clinic-title">
                    <h2 id="sp-clinic-title">{ g.ui_with("clinic_contact", &[("name", &clinic.name)]) }</h2>
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
                <NavButton to={Screen::Explore}>{ g.ui("explore") }</NavButton>
                <NavButton to={Screen::Compare}>{ g.ui("compare_link") }</NavButton>
            </div>

            <section class="sp-answers" aria-labelledby="sp-answers-title">
                <h2 id="sp-answers-title">{ g.ui("your_answers") }</h2>
                <dl>
                { for answer_lines(&g, &session.answers).into_iter().map(|line| html! {
                    <div class="sp-answer">
                        <dt>{ line.question.clone() }</dt>
                        <dd>
                            <span>{ line.answer }</span>
                            if line.asked {
                                <NavButton to={Screen::Question(line.id.to_string())} class="sp-button--link sp-no-print"
                                    label={AttrValue::from(format!("{}: {}", g.ui("change"), line.question))}>
                                    { g.ui("change") }
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
                    <label for="sp-remember" id="sp-remember-label">{ g.ui("remember") }</label>
                </div>
                <p id="sp-remember-note" class="sp-hint">{ g.ui(if g.remember == Remember::Site { "remember_note_site" } else { "remember_note" }) }</p>
                if session.remember {
                    <button type="button" class="sp-button" onclick={forget}>{ g.ui("forget") }</button>
                }
            </section>
            }

            <p class="sp-no-print">
                <button type="button" class="sp-button sp-button--danger" onclick={restart}>{ g.ui("start_again") }</button>
            </p>
        </section>
    }
}

fn suggestion(g: &Guide, s: &Suggestion<'_>, best: bool) -> Html {
    let o = s.option;
    html! {
        <li class={classes!("sp-suggestion", o.urgent.then_some("sp-suggestion--urgent"))}>
            <h3>{ g.t(&o.name) }</h3>
            <p>{ g.t(&o.summary) }</p>
            if !o.urgent && !g.config.offers(&o.id) {
                <p class="sp-not-offered">{ g.ui("not_offered") }</p>
            }
            if best || !s.reasons.is_empty() {
                <details class="sp-why" open={best}>
                    <summary>{ g.ui("why") }</summary>
                    if s.reasons.is_empty() {
                        <p>{ g.ui("no_reasons") }</p>
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
                { g.ui_with("read_more", &[("name", g.t(&o.name))]) }
            </NavButton>
        </li>
    }
}

/// The screener results: plain words first, numbers second.
fn mood(g: &Guide, outcome: &Outcome<'_>) -> Html {
    html! { <>{
        for outcome.instruments.iter().map(|r| {
            let max = r.instrument.max_total();
            html! {
                <section class="sp-mood" aria-labelledby={format!("sp-mood-{}", r.instrument.id)}>
                    <h2 id={format!("sp-mood-{}", r.instrument.id)}>{ g.ui("mood_title") }</h2>
                    if let (Some(band), Some(total)) = (r.band, r.total) {
                        <p class="sp-mood__band"><strong>{ g.t(&band.label) }</strong>{ ". " }{ g.t(&band.meaning) }</p>
                        <p class="sp-mood__numbers">
                            { g.ui_with("mood_score", &[("n", &total.to_string()), ("total", &max.to_string())]) }
                            { format!(" ({})", g.t(&r.instrument.name)) }
                        </p>
                        <ul class="sp-mood__subscales">
                        { for r.subscales.iter().filter_map(|s| s.score.map(|score| (s, score))).map(|(s, score)| html! {
                            <li>
                                { format!("{}: {score}", g.t(&s.subscale.name)) }
                                if s.flagged {
                                    { format!(" ({}). ", g.ui("mood_flagged")) }{ g.t(&s.subscale.meaning) }
                                }
                            </li>
                        }) }
                        </ul>
                    } else {
                        <p>{ g.ui("mood_incomplete") }</p>
                    }
                </section>
            }
        })
    }</> }
}
