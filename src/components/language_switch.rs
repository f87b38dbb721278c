use signpost_engine::Locale;
use signpost_engine::Ui;
use yew::prelude::*;

use crate::context::use_guide;
use crate::hooks::Switching;

#[derive(Clone, Debug, PartialEq, Properties)]
pub struct LanguageSwitchProps {
    pub current: Locale,
    /// Which of [`Locale::ALL`] the content is written in.
    pub available: [bool; 6],
    /// A language whose file is loading, or failed to.
    #[prop_or_default]
    pub switching: Switching,
    pub on_change: Callback<Locale>,
}

/// One button per language, each named in its own language (and marked with
/// `lang` so a screen reader pronounces it right); the current one is
/// pressed. A language still loading is busy; one that failed says so.
#[component]
pub fn LanguageSwitch(props: &LanguageSwitchProps) -> Html {
    let guide = use_guide();
    html! {
        <nav class="sp-lang" aria-label={guide.ui(Ui::Language).to_string()}>
            <ul role="list">
            { for Locale::ALL.into_iter().filter(|l| props.available[l.index()]).map(|l| {
                let on_change = props.on_change.clone();
                let busy = props.switching == Switching::Loading(l);
                html! {
                    <li>
                        <button type="button" class="sp-lang__button" lang={l.lang()}
                            aria-pressed={(l == props.current).to_string()}
                            aria-busy={busy.then_some("true")}
                            onclick={move |_| on_change.emit(l)}>
                            { l.autonym() }
                        </button>
                    </li>
                }
            }) }
            </ul>
            if let Switching::Failed(l) = props.switching {
                <p class="sp-lang__failed" role="alert">
                    { guide.ui_with(Ui::LanguageFailed, &[("language", l.autonym())]) }
                </p>
            }
        </nav>
    }
}
