use signpost_engine::Locale;
use yew::prelude::*;

#[derive(Clone, Debug, PartialEq, Properties)]
pub struct WelcomeProps {
    pub locale: Locale,
}

struct Text {
    title: &'static str,
    what: &'static str,
    time: &'static str,
    privacy: &'static str,
    urgent: &'static str,
}

// Moves into the content files with the engine's content model.
fn text(locale: Locale) -> Text {
    match locale {
        Locale::En => Text {
            title: "Find the kind of support that suits you",
            what: "This guide explains the main kinds of mental-health support, like counselling, \
                   psychotherapy, psychiatry, peer support, coaching and self-help. A few short \
                   questions then suggest where you might start.",
            time: "It takes about three minutes. It is not a diagnosis.",
            privacy: "Your answers stay on this device.",
            urgent: "If you are in danger now or might hurt yourself, call your local emergency number.",
        },
        Locale::Es => Text {
            title: "Encuentra el tipo de apoyo que te conviene",
            what: "Esta guía explica los principales tipos de apoyo para la salud mental, como la \
                   consejería, la psicoterapia, la psiquiatría, el apoyo entre pares, el coaching y \
                   la autoayuda. Después, unas preguntas cortas te sugieren por dónde empezar.",
            time: "Tarda unos tres minutos. No es un diagnóstico.",
            privacy: "Tus respuestas se quedan en este dispositivo.",
            urgent: "Si estás en peligro ahora o podrías hacerte daño, llama al número de emergencias de tu zona.",
        },
    }
}

#[component]
pub fn Welcome(props: &WelcomeProps) -> Html {
    let t = text(props.locale);
    html! {
        <section class="sp-page" aria-labelledby="sp-welcome-title">
            <h1 id="sp-welcome-title" tabindex="-1">{ t.title }</h1>
            <p>{ t.what }</p>
            <p>{ t.time }</p>
            <p class="sp-privacy">{ t.privacy }</p>
            <p class="sp-urgent" role="note">{ t.urgent }</p>
        </section>
    }
}
