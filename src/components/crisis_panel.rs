use signpost_engine::Ui;
use signpost_engine::directory::{Dial, LinesFirst};
use signpost_engine::score::risk_answers;
use yew::prelude::*;

use crate::context::{use_guide, use_session};
use crate::state::Action;

/// Crisis contacts: a landmark region with a heading. The App renders it
/// inside a live region that exists from the start, so screen readers
/// announce it the moment it appears. Its words are those of each risk
/// answer given in the visit (taken back or not), so "someone may hurt me"
/// is never answered with words about thoughts of self-harm, and abuse
/// lines come first after it.
#[component]
pub fn CrisisPanel() -> Html {
    let g = use_guide();
    let session = use_session();
    let (words, first) = crisis_words(&g, &session.answers);
    html! {
        <section class="sp-crisis" aria-labelledby="sp-crisis-title">
            <h2 id="sp-crisis-title">{ g.ui(Ui::CrisisTitle) }</h2>
            { for words.iter().map(|w| html! { <p>{ *w }</p> }) }
            <ContactList id="panel" {first} />
            <p class="sp-crisis__continue">{ g.ui(Ui::CrisisContinue) }</p>
        </section>
    }
}

/// What the crisis panel and the summary say for the risk answers given in
/// the visit: each answer's own words once, in questionnaire order (the
/// interface's `crisis_text` when none has any, as in the studio's
/// preview), and which lines come first.
pub fn crisis_words<'g>(
    g: &'g crate::context::Guide,
    answers: &signpost_engine::Answers,
) -> (Vec<&'g str>, LinesFirst) {
    let risks = risk_answers(&g.content, answers);
    let mut words: Vec<&str> = Vec::new();
    for text in risks.iter().filter_map(|r| r.panel_text()) {
        let t = g.t(text);
        if !words.contains(&t) {
            words.push(t);
        }
    }
    if words.is_empty() {
        words.push(g.ui(Ui::CrisisText));
    }
    let first = if risks.iter().any(|r| r.abuse_lines_first()) {
        LinesFirst::Abuse
    } else {
        LinesFirst::Clinic
    };
    (words, first)
}

#[derive(Clone, Debug, PartialEq, Properties)]
pub struct ContactListProps {
    /// Distinguishes the country control's id where two lists show at once.
    pub id: AttrValue,
    /// Which lines come first: young people's on the pages for a child and
    /// for under-18s, abuse lines after "someone may hurt me".
    #[prop_or_default]
    pub first: LinesFirst,
}

/// The emergency number and the crisis lines for the chosen country, as
/// `tel:` and `sms:` links, each labelled with its country; the clinic's own
/// contacts among them; and a control to choose another country. Without a
/// known country, the advice to call the local emergency number.
#[component]
pub fn ContactList(props: &ContactListProps) -> Html {
    let g = use_guide();
    let set = g.contacts(props.first);
    let heading = match &set.country {
        Some((_, name)) => g.ui_with(Ui::CrisisNumbersFor, &[("country", name)]),
        None => g.ui(Ui::CrisisNoCountry).to_string(),
    };
    let item = |d: &Dial, emergency: bool| {
        let name = match (&d.name, emergency) {
            (Some(n), true) => format!("{}: {n}", g.ui(Ui::EmergencyNumber)),
            (None, true) => g.ui(Ui::EmergencyNumber).to_string(),
            (Some(n), false) => n.clone(),
            (None, false) => d.number.clone(),
        };
        let action = if d.text {
            match &d.sms_body {
                Some(body) => g.ui_with(Ui::TextTo, &[("body", body), ("number", &d.number)]),
                None => g.ui_with(Ui::TextNumber, &[("number", &d.number)]),
            }
        } else {
            d.number.clone()
        };
        let detail: Vec<&str> = d
            .country
            .iter()
            .chain(&d.hours)
            .map(String::as_str)
            .collect();
        html! {
            <li>
                <a class={classes!("sp-contact", emergency.then_some("sp-contact--emergency"))} href={d.href.clone()}>
                    <span class="sp-contact__name">{ name }</span>
                    <span class="sp-contact__phone">{ action }</span>
                    if !detail.is_empty() {
                        <span class="sp-contact__detail">{ detail.join(" · ") }</span>
                    }
                </a>
            </li>
        }
    };
    let young = props.first == LinesFirst::Young && set.lines.iter().any(|d| d.young);
    let abuse = props.first == LinesFirst::Abuse && set.lines.iter().any(|d| d.abuse);
    html! {
        <div class="sp-contacts-block">
            <p class="sp-contacts__country"><strong>{ heading }</strong></p>
            if set.emergency.is_empty() && set.country.is_some() {
                <p class="sp-crisis__default"><strong>{ g.ui(Ui::CrisisDefault) }</strong></p>
            }
            if young {
                <p class="sp-contacts__young">{ g.ui(Ui::YoungLines) }</p>
            }
            if abuse {
                <p class="sp-contacts__abuse">{ g.ui(Ui::AbuseLines) }</p>
            }
            <ul class="sp-contacts" role="list">
                { for set.emergency.iter().map(|d| item(d, true)) }
                { for set.lines.iter().map(|d| item(d, false)) }
            </ul>
            <CountryChoice id={props.id.clone()} />
        </div>
    }
}

/// A labelled list of the directory's countries, and "Another country".
#[component]
fn CountryChoice(props: &ContactListProps) -> Html {
    let g = use_guide();
    let session = use_session();
    let id = format!("sp-country-{}", props.id);
    let onchange = {
        let session = session.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target_dyn_into::<web_sys::HtmlSelectElement>()
                .map(|s| s.value())
                .unwrap_or_default();
            // "" is "another country": no numbers, only the advice.
            session.dispatch(Action::SetCountry(Some(value)));
        })
    };
    let mut countries: Vec<(&str, &str)> = g
        .content
        .crisis_directory
        .iter()
        .map(|c| (c.country.as_str(), c.name.get(g.locale)))
        .collect();
    countries.sort_by_key(|(_, name)| name.to_lowercase());
    if g.config.country.is_some() {
        return html! {}; // the clinic chose the country for every visitor
    }
    let current = g.country.as_deref().unwrap_or_default();
    html! {
        <p class="sp-country sp-no-print">
            <label for={id.clone()}>{ g.ui(Ui::CountryChoose) }</label>
            <select id={id} {onchange}>
                { for countries.iter().map(|(code, name)| html! {
                    <option value={code.to_string()} selected={*code == current}>{ *name }</option>
                }) }
                <option value="" selected={current.is_empty()}>{ g.ui(Ui::CountryOther) }</option>
            </select>
        </p>
    }
}
