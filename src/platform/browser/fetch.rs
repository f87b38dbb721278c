//! Fetching the guide's own files (a language, the directory, replacement
//! content and its checker): bounded in time and size, never a panic.

use std::cell::RefCell;
use std::future::Future;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::platform::{FetchError, TIME_LIMIT_MS};

/// One time limit shared by the fetches it is given to (content and its
/// checker together): the browser's own timer aborts them and the reading
/// of their bodies, so no closure is needed.
pub struct Deadline(web_sys::AbortSignal);

impl Deadline {
    pub fn start() -> Deadline {
        Deadline(web_sys::AbortSignal::timeout_with_u32(TIME_LIMIT_MS))
    }
}

thread_local! {
    /// The integrity the build wrote for each of the guide's own files
    /// (`sha384-…`), as the custom element passes it.
    static PINNED: RefCell<Vec<(String, String)>> = RefCell::default();
}

/// Pins `url` (absolute) to `integrity`: from now on a fetch of it fails
/// unless its bytes are the ones the build hashed (Subresource
/// Integrity), so a host that pinned the element's script with
/// `integrity` gets every file the script loads as built.
pub fn pin(url: &str, integrity: &str) {
    PINNED.with_borrow_mut(|p| {
        p.retain(|(u, _)| u != url);
        p.push((url.to_string(), integrity.to_string()));
    });
}

/// The body of a same-origin (or CORS) file, at most
/// `MAX_CONTENT_BYTES`, checked before it is copied into the wasm's memory
/// (a larger one would run the guide out of memory).
pub async fn fetch(url: &str, deadline: &Deadline) -> Result<Vec<u8>, FetchError> {
    let limit = signpost_engine::config::MAX_CONTENT_BYTES;
    let window = web_sys::window().ok_or(FetchError::Failed)?;
    let init = web_sys::RequestInit::new();
    init.set_signal(Some(&deadline.0));
    if let Some(integrity) =
        PINNED.with_borrow(|p| p.iter().find(|(u, _)| u == url).map(|(_, i)| i.clone()))
    {
        init.set_integrity(&integrity);
    }
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(|_| FetchError::Failed)?
        .unchecked_into();
    if !response.ok() {
        return Err(FetchError::Status(response.status()));
    }
    let declared = response.headers().get("content-length").ok().flatten();
    if declared
        .and_then(|n| n.trim().parse::<usize>().ok())
        .is_some_and(|n| n > limit)
    {
        return Err(FetchError::TooLarge);
    }
    let buffer = response.array_buffer().map_err(|_| FetchError::Failed)?;
    let buffer: js_sys::ArrayBuffer = JsFuture::from(buffer)
        .await
        .map_err(|_| FetchError::Failed)?
        .unchecked_into();
    if buffer.byte_length() as usize > limit {
        return Err(FetchError::TooLarge);
    }
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

thread_local! {
    /// Work on its way, by key: a second caller awaits the same promise.
    static PENDING: RefCell<Vec<(String, js_sys::Promise)>> = RefCell::default();
}

/// Runs `work` once for `key` however many callers ask while it is on its
/// way (two guides on a page wanting the same language file); once it has
/// settled, the next call runs it again.
pub async fn once(
    key: &str,
    work: impl Future<Output = Result<(), String>> + 'static,
) -> Result<(), String> {
    let promise = PENDING.with_borrow_mut(|pending| {
        if let Some((_, promise)) = pending.iter().find(|(k, _)| k == key) {
            return promise.clone();
        }
        let owned = key.to_string();
        let promise = wasm_bindgen_futures::future_to_promise(async move {
            let result = work.await;
            PENDING.with_borrow_mut(|p| p.retain(|(k, _)| *k != owned));
            result
                .map(|()| JsValue::UNDEFINED)
                .map_err(|why| JsValue::from_str(&why))
        });
        pending.push((key.to_string(), promise.clone()));
        promise
    });
    JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|e| e.as_string().unwrap_or_default())
}
