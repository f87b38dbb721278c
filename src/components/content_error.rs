use signpost_engine::{Direction, Locale, Problems};
use yew::prelude::*;

#[derive(Clone, Debug, PartialEq, Properties)]
pub struct ContentErrorProps {
    pub problems: Problems,
    /// The visitor's language: its words follow the English.
    pub locale: Locale,
}

/// This screen's way to urgent help, per language: written in code because
/// the content that would hold it is the thing that failed. It is the line
/// `web/fallback-text.json` gives the failure screens before the guide
/// starts (a test keeps them equal). The heading is English only: this
/// screen shows only when a clinic's replacement content is broken (the
/// build proves the built-in content), and each language's heading would
/// cost every first visit about 60 bytes.
fn urgent(locale: Locale) -> &'static str {
    match locale {
        Locale::En => {
            "If you are in danger now or might hurt yourself, call your local emergency number."
        }
        Locale::Es => {
            "Si está en peligro ahora o podría hacerse daño, llame al número de emergencias de su zona."
        }
        Locale::Fr => {
            "Si vous êtes en danger maintenant ou risquez de vous faire du mal, appelez le numéro d'urgence de votre pays."
        }
        Locale::Pt => {
            "Se você está em perigo agora ou pode se machucar, ligue para o número de emergência local."
        }
        Locale::De => {
            "Wenn Sie jetzt in Gefahr sind oder sich etwas antun könnten, rufen Sie den Notruf an."
        }
        Locale::Ar => "إذا كنت في خطر الآن أو قد تؤذي نفسك، فاتصل برقم الطوارئ المحلي.",
    }
}

/// Shown instead of the guide when its content cannot be used: never a
/// blank widget. In English, with the way to urgent help in the visitor's
/// language too.
#[component]
pub fn ContentError(props: &ContentErrorProps) -> Html {
    let theirs = (props.locale != Locale::En).then(|| {
        let dir = (props.locale.direction() == Direction::Rtl).then_some("rtl");
        html! { <p lang={props.locale.lang()} {dir}>{ urgent(props.locale) }</p> }
    });
    html! {
        <section class="sp-page sp-content-error" role="alert">
            <h1 tabindex="-1">{ "This guide cannot start" }</h1>
            <p>{ urgent(Locale::En) }</p>
            { theirs }
            <details>
                <summary>{ "Details for the website's team" }</summary>
                <ul>{ for props.problems.iter().map(|p| html! { <li>{ p.to_string() }</li> }) }</ul>
            </details>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_urgent_line_is_the_failure_screens_own_in_every_language() {
        let fallback = include_str!("../../web/fallback-text.json");
        for locale in Locale::ALL {
            let urgent = urgent(locale);
            assert!(
                fallback.contains(&format!("\"urgent\": \"{urgent}\"")),
                "{locale}: {urgent}"
            );
        }
    }
}
