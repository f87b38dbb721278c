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
    let guide = use_guide();
    let session = use_session();
    let content = guide.content.clone();
    let outcome = score(&content, &session.answers);
    let text = summary(&guide, &outcome, &session.answers);
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
        <Page class="sp-results" title={guide.ui(Ui::ResultsTitle).to_string()} lead={guide.ui(Ui::ResultsIntro).to_string()}>

            if !outcome.cautions.is_empty() {
                <section class="sp-cautions" aria-labelledby="sp-cautions-title">
                    <h2 id="sp-cautions-title">{ guide.ui(Ui::CautionsTitle) }</h2>
                    <ul>{ for outcome.cautions.iter().map(|c| html! { <li>{ guide.text(c.text) }</li> }) }</ul>
                </section>
            }

            { suggestions(&guide, Ui::BestTitle, outcome.best(), true) }

            { mood(&guide, &outcome) }

            { self_care(&guide, &session.answers) }

            if let Some(next) = outcome.next_step().filter(|n| !guide.text(&n.option.first_session).is_empty()) {
                <section class="sp-detail" aria-labelledby="sp-first-title">
                    <h2 id="sp-first-title">{ format!("{}: {}", guide.ui(Ui::FirstSession), guide.text(&next.option.name)) }</h2>
                    { paragraphs(&guide, &next.option.first_session) }
                    <h3>{ guide.ui(Ui::Ask) }</h3>
                    <ul>{ for next.option.ask.get(guide.locale).iter().map(|q| html! { <li>{ q }</li> }) }</ul>
                </section>
            }

            if !outcome.others().is_empty() {
                { suggestions(&guide, Ui::OthersTitle, outcome.others(), false) }
            }

            <p class="sp-note"><strong>{ guide.ui(Ui::NotDiagnosis) }</strong></p>

            if let Some(clinic) = &guide.config.clinic {
                <section class="sp-clinic" aria-labelledby="sp-clinic-title">
                    <h2 id="sp-clinic-title">{ guide.ui_with(Ui::ClinicContact, &[("name", &clinic.name)]) }</h2>
                    <ul role="list">
                        if let Some(phone) = &clinic.phone {
                            <li><a href={tel(phone)} dir="ltr">{ phone }</a></li>
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

            { routes(&guide) }

            <div class="sp-actions sp-no-print">
                <NavButton to={Screen::Explore}>{ guide.ui(Ui::Explore) }</NavButton>
                <NavButton to={Screen::Compare}>{ guide.ui(Ui::CompareLink) }</NavButton>
            </div>

            <section class="sp-answers" aria-labelledby="sp-answers-title">
                <h2 id="sp-answers-title">{ guide.ui(Ui::YourAnswers) }</h2>
                <dl>
                { for answer_lines(&guide, &session.answers).into_iter().map(|line| html! {
                    <div class="sp-answer">
                        <dt>{ line.question.clone() }</dt>
                        <dd>
                            <span>{ line.answer }</span>
                            if line.asked {
                                <NavButton to={Screen::Question(line.id.to_string())} class="sp-button--link sp-no-print"
                                    label={AttrValue::from(format!("{}: {}", guide.ui(Ui::Change), line.question))}>
                                    { guide.ui(Ui::Change) }
                                </NavButton>
                            }
                        </dd>
                    </div>
                }) }
                </dl>
            </section>

            <TakeAway summary={AttrValue::from(text)} />

            if guide.remember != Remember::Off {
            <section class="sp-remember sp-no-print" aria-labelledby="sp-remember-label">
                <div class="sp-choice">
                    <input type="checkbox" id="sp-remember" checked={session.remember}
                        aria-describedby="sp-remember-note" onchange={remember} />
                    <label for="sp-remember" id="sp-remember-label">{ guide.ui(Ui::Remember) }</label>
                </div>
                <p id="sp-remember-note" class="sp-hint">{ guide.ui(if guide.remember == Remember::Site { Ui::RememberNoteSite } else { Ui::RememberNote }) }</p>
                if session.remember {
                    <button type="button" class="sp-button" onclick={forget}>{ guide.ui(Ui::Forget) }</button>
                }
            </section>
            }

            <p class="sp-no-print">
                <button type="button" class="sp-button sp-button--danger" onclick={restart}>{ guide.ui(Ui::StartAgain) }</button>
            </p>
        </Page>
    }
}

/// A titled, ranked list of suggestions: the best fits (their reasons
/// open) or the others.
fn suggestions(guide: &Guide, title: Ui, list: &[Suggestion<'_>], best: bool) -> Html {
    let id = if best {
        "sp-best-title"
    } else {
        "sp-others-title"
    };
    html! {
        <section aria-labelledby={id}>
            <h2 {id}>{ guide.ui(title) }</h2>
            <ol class={classes!("sp-suggestions", (!best).then_some("sp-suggestions--others"))} role="list">
                { for list.iter().map(|s| suggestion(guide, s, best)) }
            </ol>
        </section>
    }
}

fn suggestion(guide: &Guide, s: &Suggestion<'_>, best: bool) -> Html {
    let o = s.option;
    html! {
        // Keyed by option: a reordered list moves each item (an opened
        // "Why" included) with its option.
        <li key={o.id.as_str()} class={classes!("sp-suggestion", o.urgent.then_some("sp-suggestion--urgent"))}>
            <h3>{ guide.text(&o.name) }</h3>
            <p>{ guide.text(&o.summary) }</p>
            if !guide.config.offers(o) {
                <p class="sp-not-offered">{ guide.ui(Ui::NotOffered) }</p>
            }
            if best || !s.reasons.is_empty() {
                <details class="sp-why" open={best}>
                    <summary>{ guide.ui(Ui::Why) }</summary>
                    if let Some(pending) = crate::components::prose_pending(guide) {
                        { pending }
                    } else if s.reasons.is_empty() {
                        <p>{ guide.ui(Ui::NoReasons) }</p>
                    } else {
                        <ul>
                        // Plain reasons only: points are for professionals
                        // (signpost-check --score shows them).
                        { for s.reasons.iter().map(|r| html! { <li>{ guide.text(r.text) }</li> }) }
                        </ul>
                    }
                </details>
            }
            <NavButton to={Screen::Option(o.id.clone())} class="sp-button--link sp-no-print">
                { guide.ui_with(Ui::ReadMore, &[("name", guide.text(&o.name))]) }
            </NavButton>
        </li>
    }
}

/// The screener results: plain words first, numbers second. With items
/// skipped, the band the answered items already reach (a floor), and every
/// sub-score that is complete or already flagged.
fn mood(guide: &Guide, outcome: &Outcome<'_>) -> Html {
    html! { <>{
        // A follow-up the visitor did not take is not shown.
        for outcome.instruments.iter().enumerate().filter(|(_, r)| r.asked).map(|(i, r)| {
            let max = r.instrument.max_total();
            let subscales: Vec<(&str, String, Option<&str>)> = mood_subscales(guide, r);
            let title = if i == 0 { guide.ui(Ui::MoodTitle) } else { guide.text(&r.instrument.name) };
            html! {
                <section class="sp-mood" aria-labelledby={format!("sp-mood-{}", r.instrument.id)}>
                    <h2 id={format!("sp-mood-{}", r.instrument.id)}>{ title }</h2>
                    if r.total.is_none() {
                        <p>{ guide.ui(if r.band.is_some() { Ui::MoodAtLeast } else { Ui::MoodIncomplete }) }</p>
                    }
                    if let Some(band) = r.band {
                        <p class="sp-mood__band"><strong>{ guide.text(&band.label) }</strong>{ ". " }{ guide.text(&band.meaning) }</p>
                    }
                    if let Some(total) = r.total {
                        <p class="sp-mood__numbers">
                            { guide.ui_with(Ui::MoodScore, &[("n", &total.to_string()), ("total", &max.to_string())]) }
                            { format!(" ({})", guide.text(&r.instrument.name)) }
                        </p>
                    }
                    if !subscales.is_empty() {
                        <ul class="sp-mood__subscales">
                        { for subscales.iter().map(|(name, score, flag)| html! {
                            <li>
                                { format!("{name}: {score}") }
                                if let Some(meaning) = flag {
                                    { format!(" ({}). ", guide.ui(Ui::MoodFlagged)) }{ *meaning }
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

/// Things to do now: two or three self-care actions the answers point to.
fn self_care(guide: &Guide, answers: &signpost_engine::Answers) -> Html {
    let actions = signpost_engine::score::self_care(&guide.content, answers);
    if actions.is_empty() || guide.content.prose_deferred() {
        return html! {};
    }
    html! {
        <section class="sp-self-care" aria-labelledby="sp-self-care-title">
            <h2 id="sp-self-care-title">{ guide.ui(Ui::SelfCareTitle) }</h2>
            <p class="sp-hint">{ guide.ui(Ui::SelfCareNote) }</p>
            <ul>
            { for actions.iter().map(|a| html! {
                <li key={a.id.as_str()}><strong>{ guide.text(&a.title) }</strong>{ " " }{ guide.text(&a.text) }</li>
            }) }
            </ul>
        </section>
    }
}

/// Ways into non-urgent help: the clinic's own services first, then the
/// public routes of the country the crisis numbers are for.
fn routes(guide: &Guide) -> Html {
    let services = guide.config.services(guide.locale);
    let country = guide.country_entry();
    let public = country.map(|c| c.routes.as_slice()).unwrap_or_default();
    if services.is_empty() && public.is_empty() {
        return html! {};
    }
    let clinic = guide.config.clinic.as_ref().map(|c| c.name.as_str());
    let link = |url: &Option<String>, phone: &Option<String>| {
        html! {
            <>
                if let Some(p) = phone {
                    { " " }<a href={tel(p)} dir="ltr">{ p }</a>
                }
                if let Some(u) = url {
                    { " " }<a href={u.clone()} target="_blank" rel="noopener noreferrer">{ u }</a>
                }
            </>
        }
    };
    let name_of = crate::platform::country_namer(guide.locale);
    html! {
        <section class="sp-routes" aria-labelledby="sp-routes-title">
            <h2 id="sp-routes-title">{ guide.ui(Ui::RoutesTitle) }</h2>
            if let Some(c) = country.filter(|_| !public.is_empty()) {
                <p>{ guide.ui_with(Ui::RoutesIntro, &[("country", &name_of(&c.code))]) }</p>
            }
            <ul class="sp-routes__list" role="list">
            { for services.iter().map(|s| html! {
                <li class="sp-route sp-route--clinic">
                    <strong>{ &s.name }</strong>
                    if let Some(name) = clinic {
                        { " (" }{ guide.ui_with(Ui::RouteClinic, &[("name", name)]) }{ ")" }
                    }
                    { link(&s.web, &s.phone) }
                </li>
            }) }
            { for public.iter().map(|r| html! {
                <li class="sp-route">
                    <strong>{ &r.name }</strong>
                    { " (" }{ guide.ui(route_kind(r.kind)) }
                    if let Some(region) = &r.region {
                        { ", " }{ region }
                    }
                    { ")" }
                    { link(&r.url, &r.phone) }
                </li>
            }) }
            </ul>
        </section>
    }
}

/// What kind of way in a route is, in words.
pub fn route_kind(k: signpost_engine::model::RouteKind) -> Ui {
    use signpost_engine::model::RouteKind;
    match k {
        RouteKind::SelfReferral => Ui::RouteSelfReferral,
        RouteKind::IntakeLine => Ui::RouteIntakeLine,
        RouteKind::Register => Ui::RouteRegister,
    }
}
