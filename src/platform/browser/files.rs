//! What the visitor takes away: printing, the clipboard, and a file saved
//! from a `blob:` address made on this device (nothing is uploaded).

pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

pub async fn copy(text: &str) -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    let promise = w.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Saves `text` as the file `name` (gloo-file's `ObjectUrl` revokes the
/// address when it is dropped, after the click).
pub fn download(name: &str, text: &str) {
    use wasm_bindgen::JsCast;
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let blob = gloo_file::Blob::new_with_options(text, Some("text/plain;charset=utf-8"));
    let url = gloo_file::ObjectUrl::from(blob);
    if let Some(a) = doc
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
}
