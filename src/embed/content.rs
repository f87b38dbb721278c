//! Replacement content named by the clinic's configuration: fetched before
//! the guide first renders (so no request comes after it), validated like
//! any content, and used only if it passes; otherwise the console says why
//! and the built-in content is used.
//!
//! The validator is not in the guide's wasm (every visitor would download
//! it): it is a module of its own, `signpost-check.wasm`
//! (crates/content-check), fetched only here.

use std::rc::Rc;

use signpost_engine::Content;

/// The checker module's file name, beside the guide's other files.
pub const CHECKER: &str = "signpost-check.wasm";

#[cfg(target_arch = "wasm32")]
pub async fn load(url: &str, checker: &str) -> Option<Rc<Content>> {
    let fail = |why: String| {
        let message = format!(
            "Signpost: the replacement content at \"{url}\" {why}; using the built-in content."
        );
        crate::log::error(&message);
        None
    };
    let bytes = match fetch(url).await {
        Ok(bytes) => bytes,
        Err(Some(status)) => return fail(format!("could not be fetched (HTTP {status})")),
        Err(None) => return fail("could not be fetched".into()),
    };
    let report = match check(checker, &bytes).await {
        Ok(report) => report,
        Err(_) => {
            return fail(format!(
                "could not be checked (the checker {checker} did not load)"
            ));
        }
    };
    if !report.is_empty() {
        return fail(format!("is not valid:\n{report}"));
    }
    // Validated just now by the checker: decode without validating again.
    match signpost_engine::compiled::from_trusted_bytes(&bytes) {
        Ok(content) => Some(Rc::new(content)),
        Err(problems) => fail(format!("is not valid:\n{problems}")),
    }
}

/// The body of a same-origin (or CORS) file; an HTTP error gives its
/// status code, any other failure `None`. (The status stays an integer:
/// formatting an `f64` would pull float printing into the wasm, ~1 KiB.)
#[cfg(target_arch = "wasm32")]
async fn fetch(url: &str) -> Result<Vec<u8>, Option<u16>> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    let window = web_sys::window().ok_or(None)?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| None)?
        .unchecked_into();
    if !response.ok() {
        return Err(Some(response.status()));
    }
    let buffer = response.array_buffer().map_err(|_| None)?;
    let buffer = JsFuture::from(buffer).await.map_err(|_| None)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Runs the checker module over `bytes`: an empty report means valid.
/// Its interface is documented in crates/content-check/src/lib.rs.
#[cfg(target_arch = "wasm32")]
async fn check(checker: &str, bytes: &[u8]) -> Result<String, wasm_bindgen::JsValue> {
    use js_sys::{Function, Reflect, Uint8Array, WebAssembly};
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    let module = fetch(checker).await.map_err(|_| JsValue::NULL)?;
    let result = JsFuture::from(WebAssembly::instantiate_buffer(
        &module,
        &js_sys::Object::new(),
    ))
    .await?;
    let exports = Reflect::get(&result, &"instance".into())?
        .unchecked_into::<WebAssembly::Instance>()
        .exports();
    let get = |name: &str| Reflect::get(&exports, &name.into());
    let call = |name: &str, args: &[u32]| -> Result<u32, JsValue> {
        let f: Function = get(name)?.dyn_into()?;
        let args: js_sys::Array = args.iter().map(|&a| JsValue::from(a)).collect();
        Ok(f.apply(&JsValue::NULL, &args)?.as_f64().unwrap_or(0.0) as u32)
    };
    let memory = || -> Result<JsValue, JsValue> {
        Ok(get("memory")?
            .unchecked_into::<WebAssembly::Memory>()
            .buffer())
    };
    let len = bytes.len() as u32;
    let at = call("alloc", &[len])?;
    Uint8Array::new_with_byte_offset_and_length(&memory()?, at, len).copy_from(bytes);
    let report_len = call("check", &[at, len])?;
    let report_at = call("report", &[])?;
    let report = Uint8Array::new_with_byte_offset_and_length(&memory()?, report_at, report_len);
    Ok(String::from_utf8_lossy(&report.to_vec()).into_owned())
}

#[cfg(not(target_arch = "wasm32"))]
pub async fn load(_url: &str, _checker: &str) -> Option<Rc<Content>> {
    None
}
