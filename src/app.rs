use std::rc::Rc;

use signpost_engine::Locale;
use yew::prelude::*;

use crate::components::{ContentError, LanguageSwitch};
use crate::content::{self, Guide};
use crate::hooks::use_document_lang;
use crate::pages::Welcome;
use crate::state::{Action, Session};

#[derive(Clone, Debug, Default, PartialEq, Properties)]
pub struct AppProps {
    /// The locale to start in; `None` lets the visitor's browser choose.
    #[prop_or_default]
    pub locale: Option<Locale>,
    /// True when the guide is the whole page (it then sets `<html lang>`).
    #[prop_or_default]
    pub standalone: bool,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let content = use_memo((), |_| content::builtin().map(Rc::new));
    let session = {
        let initial = props.locale;
        use_reducer(move || Session {
            locale: initial.unwrap_or_else(browser_locale),
        })
    };
    use_document_lang(session.locale, props.standalone);
    {
        // Tell the integrator exactly what is wrong, once.
        let content = content.clone();
        use_effect_with((), move |_| {
            if let Err(problems) = &*content {
                log_error(&format!(
                    "Signpost: the guide's content is invalid:\n{problems}"
                ));
            }
        });
    }

    let content = match &*content {
        Ok(content) => content.clone(),
        Err(problems) => {
            return html! {
                <div class="signpost" lang="en"><ContentError problems={problems.clone()} /></div>
            };
        }
    };
    let guide = Guide {
        content,
        locale: session.locale,
    };
    let on_locale = {
        let session = session.dispatcher();
        Callback::from(move |l| session.dispatch(Action::SetLocale(l)))
    };

    html! {
        <ContextProvider<Guide> context={guide}>
            <div class="signpost" lang={session.locale.tag()}>
                <header class="sp-header">
                    <LanguageSwitch current={session.locale} on_change={on_locale} />
                </header>
                <Welcome />
            </div>
        </ContextProvider<Guide>>
    }
}

#[cfg(target_arch = "wasm32")]
fn log_error(message: &str) {
    web_sys::console::error_1(&message.into());
}

#[cfg(not(target_arch = "wasm32"))]
fn log_error(message: &str) {
    eprintln!("{message}");
}

/// The visitor's preferred languages, as the browser reports them.
#[cfg(target_arch = "wasm32")]
fn browser_locale() -> Locale {
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else {
        return Locale::default();
    };
    let tags: Vec<String> = nav
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .chain(nav.language())
        .collect();
    Locale::negotiate(tags.iter().map(String::as_str))
}

/// Outside a browser (server rendering in tests) there is no preference.
#[cfg(not(target_arch = "wasm32"))]
fn browser_locale() -> Locale {
    Locale::default()
}
