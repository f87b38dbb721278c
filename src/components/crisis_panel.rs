use signpost_engine::{Direction, Ui};
use std::rc::Rc;

use signpost_engine::directory::{Dial, LinesFirst};
use signpost_engine::model::{Audience, Service};
use signpost_engine::score::risk_answers;
use yew::prelude::*;

use crate::components::NavButton;
use crate::context::{use_guide, use_session};
use crate::state::{Action, Screen};

/// Crisis contacts: a landmark region with a heading. The App renders it
/// inside a live region that exists from the start, so screen readers
/// announce it the moment it appears. Its words are those of each risk
/// answer given in the visit (taken back or not), so "someone may hurt me"
/// is never answered with words about thoughts of self-harm, and abuse
/// lines come first after it.
#[component]
pub fn CrisisPanel() -> Html {
    let guide = use_guide();
    let session = use_session();
    let (words, first) = crisis_words(&guide, &session.answers);
    html! {
        <section class="sp-crisis" aria-labelledby="sp-crisis-title">
            <h2 id="sp-crisis-title">{ guide.ui(Ui::CrisisTitle) }</h2>
            { for words.iter().map(|w| html! { <p>{ *w }</p> }) }
            <ContactList id="panel" {first} />
            if session.screen != Screen::SafetyPlan {
                <p class="sp-no-print"><NavButton to={Screen::SafetyPlan}>{ guide.ui(Ui::PlanOffer) }</NavButton></p>
            }
            <p class="sp-crisis__continue">{ guide.ui(Ui::CrisisContinue) }</p>
        </section>
    }
}

/// What the crisis panel and the summary say for the risk answers given in
/// the visit: each answer's own words once, in questionnaire order (the
/// interface's `crisis_text` when none has any, as in the studio's
/// preview), and which lines come first.
pub fn crisis_words<'guide>(
    guide: &'guide crate::context::Guide,
    answers: &signpost_engine::Answers,
) -> (Vec<&'guide str>, LinesFirst) {
    let risks = risk_answers(&guide.content, answers);
    let mut words: Vec<&str> = Vec::new();
    for text in risks.iter().filter_map(|r| r.panel_text()) {
        let t = guide.text(text);
        if !words.contains(&t) {
            words.push(t);
        }
    }
    if words.is_empty() {
        words.push(guide.ui(Ui::CrisisText));
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
/// `tel:` and `sms:` links and chat links, each labelled with its country,
/// hours and who it is for; the clinic's own contacts among them; the date
/// the numbers were checked; and a control to choose another country.
/// Without a known country (or its own number), the number any mobile
/// phone dials.
#[component]
pub fn ContactList(props: &ContactListProps) -> Html {
    let guide = use_guide();
    let set = guide.contacts(props.first);
    let name_of = crate::platform::country_namer(guide.locale);
    let heading = match &set.country {
        Some(code) => guide.ui_with(Ui::CrisisNumbersFor, &[("country", &name_of(code))]),
        None => guide.ui(Ui::CrisisNoCountry).to_string(),
    };
    let item = |d: &Dial, emergency: bool| {
        let (name, action, detail) = describe(&guide, d, emergency, &name_of);
        let class = classes!("sp-contact", emergency.then_some("sp-contact--emergency"));
        let body = html! {
            <>
                <span class="sp-contact__name">{ name }</span>
                // A number reads left to right in every language (Arabic
                // too): "116 123" must not become "123 116".
                <span class="sp-contact__phone" dir={(!d.chat && !d.text).then_some("ltr")}>{ action }</span>
                if !detail.is_empty() {
                    <span class="sp-contact__detail">{ detail.join(" · ") }</span>
                }
            </>
        };
        html! {
            <li>
                if d.chat {
                    <a {class} href={d.href.clone()} target="_blank" rel="noopener noreferrer">{ body }</a>
                } else {
                    <a {class} href={d.href.clone()}>{ body }</a>
                }
            </li>
        }
    };
    let young = props.first == LinesFirst::Young && set.lines.iter().any(Dial::young);
    let abuse = props.first == LinesFirst::Abuse && set.lines.iter().any(|d| d.abuse);
    html! {
        <div class="sp-contacts-block">
            <p class="sp-contacts__country"><strong>{ heading }</strong></p>
            if set.emergency.is_empty() {
                <p class="sp-crisis__default"><strong>{ guide.ui(Ui::CrisisDefault) }</strong></p>
            }
            if young {
                <p class="sp-contacts__young">{ guide.ui(Ui::YoungLines) }</p>
            }
            if abuse {
                <p class="sp-contacts__abuse">{ guide.ui(Ui::AbuseLines) }</p>
            }
            <ul class="sp-contacts" role="list">
                { for set.emergency.iter().map(|d| item(d, true)) }
                { for set.lines.iter().map(|d| item(d, false)) }
            </ul>
            if let Some(date) = &set.checked {
                <p class="sp-contacts__checked">{ guide.ui_with(Ui::NumbersChecked, &[("date", &crate::components::check_date(date, guide.locale))]) }</p>
            }
            <CountryChoice id={props.id.clone()} />
        </div>
    }
}

/// What a contact list (and the take-away summary) says of one number:
/// its name, what to do (the number, "Text …", "Chat online") and the
/// details (country, hours, who it is for, that a chat leaves the guide).
pub fn describe(
    guide: &crate::context::Guide,
    d: &Dial,
    emergency: bool,
    name_of: &impl Fn(&str) -> String,
) -> (String, String, Vec<String>) {
    let name = match (&d.name, emergency) {
        (_, true) => match d.service {
            Service::General => guide.ui(Ui::EmergencyNumber).to_string(),
            Service::Police => guide.ui(Ui::Police).to_string(),
            Service::Ambulance => guide.ui(Ui::Ambulance).to_string(),
        },
        (Some(n), false) => n.clone(),
        (None, false) => d.number.clone(),
    };
    let action = if d.chat {
        guide.ui(Ui::ChatOnline).to_string()
    } else if d.text {
        // Within right-to-left words, the number is isolated so that it
        // keeps its own order (U+2066 LEFT-TO-RIGHT ISOLATE ... U+2069).
        let number = match guide.locale.direction() {
            Direction::Rtl => format!("\u{2066}{}\u{2069}", d.number),
            Direction::Ltr => d.number.clone(),
        };
        match &d.sms_body {
            Some(body) => guide.ui_with(Ui::TextTo, &[("body", body), ("number", &number)]),
            None => guide.ui_with(Ui::TextNumber, &[("number", &number)]),
        }
    } else {
        d.number.clone()
    };
    let mut detail: Vec<String> = Vec::new();
    if d.mobile {
        detail.push(guide.ui(Ui::EmergencyMobile).to_string());
    }
    detail.extend(d.country.as_deref().map(name_of));
    detail.extend(d.hours.as_deref().map(|h| hours_text(guide, h)));
    detail.extend(d.audience.iter().filter_map(|a| audience_text(guide, *a)));
    if d.chat {
        detail.push(guide.ui(Ui::ChatLeaves).to_string());
    }
    (name, action, detail)
}

/// Opening hours in the visitor's language, from the directory's compact
/// form (`signpost_engine::hours::compact`: `"04 09:00-21:00;55 10:00-14:00"`):
/// the days named by the interface's `weekdays`, times local to the line's
/// country. No parser and no `format!`: this is in every visitor's download.
fn hours_text(guide: &crate::context::Guide, compact: &str) -> String {
    if compact == "24/7" {
        return guide.ui(Ui::OpenAlways).to_string();
    }
    let days: Vec<&str> = guide.ui(Ui::Weekdays).split(' ').collect();
    let day = |d: u8| {
        days.get(usize::from(d.wrapping_sub(b'0')))
            .copied()
            .unwrap_or_default()
    };
    let mut text = String::new();
    for (i, rule) in compact.split(';').enumerate() {
        if i > 0 {
            text.push_str("; ");
        }
        let (ranges, times) = rule.split_once(' ').unwrap_or_default();
        for (k, range) in ranges.split(',').enumerate() {
            if k > 0 {
                text.push_str(", ");
            }
            if let [a, b] = *range.as_bytes() {
                text.push_str(day(a));
                if a != b {
                    text.push('–');
                    text.push_str(day(b));
                }
            }
        }
        text.push(' ');
        text.push_str(&times.replace('-', "–").replace(',', ", "));
    }
    guide.ui_with(Ui::LocalTime, &[("hours", &text)])
}

fn audience_text(guide: &crate::context::Guide, a: Audience) -> Option<String> {
    let key = match a {
        Audience::Everyone => return None,
        Audience::Young => Ui::ForYoung,
        Audience::Lgbtq => Ui::ForLgbtq,
        Audience::Veterans => Ui::ForVeterans,
        Audience::Women => Ui::ForWomen,
    };
    Some(guide.ui(key).to_string())
}

/// Every country and territory, named and sorted in the visitor's language
/// (a native select: type a name's first letters to reach it), and
/// "Another country".
#[component]
fn CountryChoice(props: &ContactListProps) -> Html {
    let guide = use_guide();
    let session = use_session();
    let id = format!("sp-country-{}", props.id);
    let onchange = {
        let session = session.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target_dyn_into::<web_sys::HtmlSelectElement>()
                .map(|s| s.value())
                .unwrap_or_default();
            // "" is "another country": the mobile number and the advice.
            session.dispatch(Action::SetCountry(Some(value)));
        })
    };
    let countries = use_memo(
        (guide.locale, Rc::as_ptr(&guide.directory) as usize),
        |_| {
            let name_of = crate::platform::country_namer(guide.locale);
            let mut names: Vec<(String, String)> = guide
                .directory
                .countries
                .iter()
                .map(|c| (c.code.clone(), name_of(&c.code)))
                .collect();
            crate::platform::sort_names(&mut names, guide.locale);
            names
        },
    );
    if guide.config.country.is_some() {
        return html! {}; // the clinic chose the country for every visitor
    }
    let current = guide.country.as_deref().unwrap_or_default();
    html! {
        <p class="sp-country sp-no-print">
            <label for={id.clone()}>{ guide.ui(Ui::CountryChoose) }</label>
            <select id={id} {onchange}>
                { for countries.iter().map(|(code, name)| html! {
                    <option value={code.clone()} selected={code == current}>{ name.clone() }</option>
                }) }
                <option value="" selected={current.is_empty()}>{ guide.ui(Ui::CountryOther) }</option>
            </select>
        </p>
    }
}

/// The date the numbers were checked, as the directory writes it
/// (`YYYY-MM-DD`, read the same in every language; formatting it with
/// `Intl` cost 0.3 KiB of the first visit).
pub fn check_date(iso: &str, _: signpost_engine::Locale) -> String {
    iso.to_string()
}
