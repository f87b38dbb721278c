//! The root component. [`App`] resolves the content (built in, or a
//! clinic's replacement) and shows a clear error if it is invalid;
//! [`Shell`] holds the session and lays out the header, the crisis slot,
//! the current screen and the privacy line.

use std::rc::Rc;

use signpost_engine::{Content, Locale, Ui};
use yew::prelude::*;

use crate::components::{ContentError, CrisisPanel, LanguageSwitch, LeaveQuickly, NavButton};
use crate::content::languages::LanguageFiles;
pub use crate::context::Remember;
use crate::context::{self, Config, SessionHandle};
use crate::hooks::{
    Leaving, use_directory, use_document_lang, use_focus_on_change, use_full_text, use_language,
    use_leave_quickly, use_request_count,
};
use crate::pages::{
    AudiencePage, Compare, Explore, Helper, OptionPage, QuestionPage, Results, SafetyPlan, Urgent,
    Welcome,
};
use crate::state::{Screen, Session, Start};
use crate::storage;

#[derive(Clone, Debug, Default, Properties)]
pub struct AppProps {
    /// The locale to start in; `None` lets the visitor's browser choose.
    #[prop_or_default]
    pub locale: Option<Locale>,
    /// True when the guide is the whole page (it then sets `<html lang>`).
    #[prop_or_default]
    pub standalone: bool,
    /// The clinic's configuration (checked by the engine): its contact,
    /// crisis phone numbers (without them the guide tells the visitor to
    /// call their local emergency number), the options it offers.
    #[prop_or_default]
    pub config: Rc<Config>,
    /// Content to show instead of the built-in content (a clinic's
    /// replacement, already loaded and validated).
    #[prop_or_default]
    pub content: Option<Rc<Content>>,
    /// What is known at start (`?step=questions`, answers given in the
    /// prerendered first question); remembered answers are read here.
    #[prop_or_default]
    pub start: Rc<Start>,
    /// Whether "Remember my answers" is offered, and where they would be kept.
    #[prop_or_default]
    pub remember: Remember,
    /// Where the built-in content's other languages are (the browser build
    /// embeds English alone).
    #[prop_or_default]
    pub languages: LanguageFiles,
    /// A preview of the guide (the element's `preview` property, the clinic
    /// studio): "Leave quickly" forgets the session but stays on the page.
    #[prop_or_default]
    pub preview: bool,
}

/// Content, configuration and start are compared by address: the same `Rc`
/// is the same value, and a derived comparison would walk all of it (and
/// cost kilobytes of wasm). The root's props are set once, so a new `Rc`
/// with equal contents (a needless re-render) never happens in practice.
fn same_content(a: &Option<Rc<Content>>, b: &Option<Rc<Content>>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => Rc::ptr_eq(a, b),
        (a, b) => a.is_none() && b.is_none(),
    }
}

impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        same_content(&self.content, &other.content)
            && self.locale == other.locale
            && self.standalone == other.standalone
            && Rc::ptr_eq(&self.config, &other.config)
            && Rc::ptr_eq(&self.start, &other.start)
            && self.remember == other.remember
            && self.languages == other.languages
            && self.preview == other.preview
    }
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let replacement = props.content.clone();
    let content = use_memo(
        replacement.as_ref().map(Rc::as_ptr),
        move |_| match replacement {
            Some(c) => Ok(c),
            None => crate::content::builtin::shared(),
        },
    );
    {
        // Tell the integrator exactly what is wrong, once.
        let content = content.clone();
        use_effect_with((), move |_| {
            if let Err(problems) = &*content {
                crate::platform::error(&format!(
                    "Signpost: the guide's content is invalid:\n{problems}"
                ));
            }
        });
    }
    match &*content {
        Ok(content) => html! { <Shell content={content.clone()} props={props.clone()} /> },
        Err(problems) => html! {
            <div class="signpost" lang="en">
                <ContentError problems={problems.clone()}
                    locale={props.locale.unwrap_or_else(crate::platform::browser_locale)} />
            </div>
        },
    }
}

#[derive(Clone, Debug, Properties)]
struct ShellProps {
    content: Rc<Content>,
    props: AppProps,
}

impl PartialEq for ShellProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.content, &other.content) && self.props == other.props
    }
}

#[component]
fn Shell(ShellProps { content, props }: &ShellProps) -> Html {
    let builtin = props.content.is_none();
    // The languages on offer: the built-in content's that are here or have
    // a file, or those the clinic's replacement content is written in.
    // (Worked out at each render, as the browser's choice below: both are a
    // few comparisons, cheaper in code than a memo.)
    let available: [bool; 6] = Locale::ALL.map(|l| match builtin {
        true => crate::content::builtin::in_locale(l).is_some() || props.languages.has(l),
        false => content.locales.iter().any(|t| t == l.tag()),
    });
    // The page's language (or the one the embedding chose before the
    // guide mounted), else the browser's first on offer; either way the
    // browser says whether it asked for another region's variety of it.
    let browser = crate::platform::browser_language(|l| available[l.index()]);
    let negotiated = match props.locale {
        Some(locale) => signpost_engine::Negotiated {
            locale,
            other_variety: browser.other_variety && browser.locale == locale,
        },
        None => browser,
    };
    let session = {
        let content = content.clone();
        let locale = negotiated.locale;
        let mut start = (*props.start).clone();
        let offered = props.remember != Remember::Off;
        use_reducer_eq(move || {
            // Storage is read only where remembering is offered.
            if offered
                && start.remembered.is_none()
                && let Some((answers, country)) = storage::load()
            {
                start.remembered = Some(answers);
                start.country = country;
            }
            Session::start(content, locale, start)
        })
    };
    let (switch, switching) = use_language(session.dispatcher(), props.languages.clone(), builtin);
    let prose_failed = use_full_text(session.locale, props.languages.clone(), builtin);
    // The language shown is the session's if its text is here (it is,
    // unless its file failed to load as the guide started), else English.
    let (locale, text) = match builtin {
        false => (session.locale, content.clone()),
        true => match crate::content::builtin::in_locale(session.locale) {
            Some(text) => (session.locale, text),
            None => (Locale::default(), content.clone()),
        },
    };
    use_document_lang(locale, props.standalone);
    {
        // A changed `lang` attribute (custom element) switches the language.
        let switch = switch.clone();
        use_effect_with(props.locale, move |locale| {
            if let Some(locale) = *locale {
                switch.emit(locale);
            }
        });
    }
    {
        // Storage only with the visitor's consent; unticking removes it.
        let offered = props.remember != Remember::Off;
        let content = content.clone();
        use_effect_with(
            (
                session.remember,
                session.answers.clone(),
                session.country.clone(),
            ),
            move |(remember, answers, country)| {
                if !offered {
                    // Not offered: never touch the host's storage.
                } else if *remember {
                    storage::save(&content, answers, country.as_deref());
                } else {
                    storage::forget();
                }
            },
        );
    }
    let requests = use_request_count();
    let root = use_node_ref();
    use_focus_on_change(root.clone(), session.screen.clone());
    let leave = use_leave_quickly(
        session.dispatcher(),
        root.clone(),
        Leaving {
            url: props.config.exit_url().to_string().into(),
            remember: props.remember,
            preview: props.preview,
            whole_page: props.standalone,
        },
    );
    let device = use_memo((), |_| crate::platform::hints());
    let directory = use_directory(content);

    // The visitor's "another country" ("") means no country's numbers,
    // unless the clinic pinned one.
    let other = props.config.country.is_none() && session.country.as_deref() == Some("");
    let country = (!other)
        .then(|| {
            signpost_engine::directory::choose_country(
                &directory,
                props.config.country.as_deref(),
                session.country.as_deref(),
                &device,
            )
        })
        .flatten()
        .map(|(c, _)| AttrValue::from(c.code.clone()));
    let guide = context::Guide {
        content: text,
        locale,
        config: props.config.clone(),
        remember: props.remember,
        directory,
        country,
        prose_failed,
    };
    let page = match &session.screen {
        Screen::Welcome => html! { <Welcome /> },
        Screen::Explore => html! { <Explore /> },
        Screen::Option(id) => html! { <OptionPage id={id.clone()} /> },
        Screen::Compare => html! { <Compare /> },
        Screen::Helper => html! { <Helper /> },
        Screen::Audience(id) => html! { <AudiencePage id={id.clone()} /> },
        Screen::Urgent => html! { <Urgent /> },
        Screen::Question(id) => html! { <QuestionPage id={id.clone()} /> },
        Screen::Results => html! { <Results /> },
        Screen::SafetyPlan => html! { <SafetyPlan /> },
    };

    html! {
        <ContextProvider<context::Guide> context={guide.clone()}>
        <ContextProvider<SessionHandle> context={session.clone()}>
            <div class="signpost" lang={locale.lang()} dir={locale.direction().attr()} ref={root}>
                <header class="sp-header sp-no-print">
                    // First, so it is the first stop for Tab on every screen.
                    <LeaveQuickly on_leave={leave} />
                    if session.screen != Screen::Urgent {
                        <NavButton to={Screen::Urgent} class="sp-button--urgent">{ guide.ui(Ui::UrgentLink) }</NavButton>
                    }
                    <LanguageSwitch current={locale} {available} {switching} on_change={switch} />
                </header>
                // The browser asked for another region's variety (pt-PT
                // given the Brazilian text): say which this is.
                if negotiated.other_variety && locale == negotiated.locale {
                    <p class="sp-variety">{ guide.ui(Ui::WrittenIn) }</p>
                }
                // A live region from the start, so the panel is announced
                // the moment a risk answer adds it.
                <div class="sp-crisis-slot" aria-live="assertive">
                    if session.crisis {
                        <CrisisPanel />
                    }
                </div>
                <main class="sp-main">{ page }</main>
                <footer class="sp-footer">
                    <p class="sp-privacy-check">
                        <strong>{ guide.ui(Ui::PrivacyCheck) }{ ": " }</strong>
                        if requests == 0 {
                            { guide.ui(Ui::PrivacyNone) }
                        } else {
                            { guide.ui_with(Ui::PrivacySome, &[("n", &requests.to_string())]) }
                        }
                    </p>
                </footer>
            </div>
        </ContextProvider<SessionHandle>>
        </ContextProvider<context::Guide>>
    }
}
