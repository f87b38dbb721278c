use signpost_engine::Problems;
use yew::prelude::*;

#[derive(Clone, Debug, PartialEq, Properties)]
pub struct ContentErrorProps {
    pub problems: Problems,
}

/// Shown instead of the guide when its content cannot be used: never a
/// blank widget. Written in code, in both languages, because the content
/// that would hold these words is the thing that failed.
#[component]
pub fn ContentError(props: &ContentErrorProps) -> Html {
    html! {
        <section class="sp-page sp-content-error" role="alert">
            <h1 tabindex="-1">{ "This guide cannot start" }</h1>
            <p>{ "If you are in danger now or might hurt yourself, call your local emergency number." }</p>
            <p lang="es">{ "Si está en peligro ahora o podría hacerse daño, llame al número de emergencias de su zona." }</p>
            <details>
                <summary>{ "Details for the website's team" }</summary>
                <ul>{ for props.problems.iter().map(|p| html! { <li>{ p.to_string() }</li> }) }</ul>
            </details>
        </section>
    }
}
