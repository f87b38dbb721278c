//! If the guide crashes, the visitor sees a friendly message with the way
//! to urgent help instead of a frozen page. Plain HTML, both languages,
//! because nothing else can be trusted after a panic.

/// The message put in place of the guide after a crash.
pub const MESSAGE: &str = r#"<div class="signpost sp-panic" role="alert">
<h1>Sorry, this guide stopped working</h1>
<p>Please reload the page to try again. Your answers were not sent anywhere.</p>
<p><strong>If you are in danger now or might hurt yourself, call your local emergency number.</strong></p>
<div lang="es">
<h2>Lo sentimos, esta guía dejó de funcionar</h2>
<p>Vuelva a cargar la página para intentarlo de nuevo. Sus respuestas no se enviaron a ningún sitio.</p>
<p><strong>Si está en peligro ahora o podría hacerse daño, llame al número de emergencias de su zona.</strong></p>
</div>
</div>"#;

/// Shows [`MESSAGE`] in `root` on any panic, after logging it.
#[cfg(target_arch = "wasm32")]
pub fn install(root: web_sys::Element) {
    std::panic::set_hook(Box::new(move |info| {
        web_sys::console::error_1(&format!("Signpost crashed: {info}").into());
        root.set_inner_html(MESSAGE);
    }));
}

#[cfg(not(target_arch = "wasm32"))]
pub fn install(_root: web_sys::Element) {}
