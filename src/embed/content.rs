//! Replacement content named by the clinic's configuration: fetched before
//! the guide first renders (so no request comes after it), validated like
//! any content, and used only if it passes; otherwise the console says why
//! and the built-in content is used.

use std::rc::Rc;

use signpost_engine::Content;

#[cfg(target_arch = "wasm32")]
pub async fn load(url: &str) -> Option<Rc<Content>> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    let fail = |why: String| {
        let message = format!(
            "Signpost: the replacement content at \"{url}\" {why}; using the built-in content."
        );
        crate::log::error(&message);
        None
    };
    let window = web_sys::window()?;
    let response = match JsFuture::from(window.fetch_with_str(url)).await {
        Ok(r) => r.unchecked_into::<web_sys::Response>(),
        Err(_) => return fail("could not be fetched".into()),
    };
    if !response.ok() {
        return fail(format!("could not be fetched (HTTP {})", response.status()));
    }
    let Ok(buffer) = response.array_buffer() else {
        return fail("could not be read".into());
    };
    let Ok(buffer) = JsFuture::from(buffer).await else {
        return fail("could not be read".into());
    };
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    match signpost_engine::compiled::from_bytes(&bytes) {
        Ok(content) => Some(Rc::new(content)),
        Err(problems) => fail(format!("is not valid:\n{problems}")),
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub async fn load(_url: &str) -> Option<Rc<Content>> {
    None
}
