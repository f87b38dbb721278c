//! Replacement content named by the clinic's configuration (or given to
//! the custom element as bytes, for the studio's preview): fetched before
//! the guide first renders (so no request comes after it), validated like
//! any content, and used only if it passes; otherwise the console says why
//! and the built-in content is used.
//!
//! Only from the guide's own origin or one the configuration lists
//! (`content_origins`), at most 1 MiB, and within 10 seconds: a slow or
//! huge file falls back to the built-in content instead of leaving the
//! guide blank or running it out of memory.
//!
//! The validator is not in the guide's wasm (every visitor would wait for
//! it before the guide starts): it is a module of its own,
//! `signpost-check-<hash>.wasm` (crates/content-check), run only here. It
//! is not in the offline precache (scripts/post-build.mjs, step 5):
//! replacement content is fetched from the network anyway.

use std::rc::Rc;

use signpost_engine::Content;

use crate::platform::{Deadline, FetchError, TIME_LIMIT_MS, fetch};

/// The checker module's file name, beside the guide's other files, when
/// the page does not name it (the build hashes it: `data-checker`).
pub const CHECKER: &str = "signpost-check.wasm";

/// Whether `url` (resolved against the page) may be fetched: the guide's
/// own origin (the checker's, which sits beside the guide's files) or an
/// origin the configuration lists.
fn allowed(url: &str, checker: &str, origins: &[String]) -> Result<String, String> {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    let resolve = |u: &str| web_sys::Url::new_with_base(u, &base).ok();
    let (Some(target), Some(guide)) = (resolve(url), resolve(checker)) else {
        return Err("is not a valid address".into());
    };
    let origin = target.origin();
    if origin == guide.origin() || origins.contains(&origin) {
        Ok(target.href())
    } else {
        Err(format!(
            "is on {origin}, which is neither the guide's origin ({}) nor listed in content_origins",
            guide.origin()
        ))
    }
}

pub async fn load(url: &str, checker: &str, origins: &[String]) -> Option<Rc<Content>> {
    let what = format!("the replacement content at \"{url}\"");
    let target = match allowed(url, checker, origins) {
        Ok(target) => target,
        Err(why) => return refuse(&what, why),
    };
    let deadline = Deadline::start();
    let bytes = match fetch(&target, &deadline).await {
        Ok(bytes) => bytes,
        Err(FetchError::Status(status)) => {
            return refuse(&what, format!("could not be fetched (HTTP {status})"));
        }
        Err(FetchError::TooLarge) => return refuse(&what, too_large()),
        Err(FetchError::Failed | FetchError::Unavailable) => {
            return refuse(
                &what,
                format!(
                    "could not be fetched within {} seconds",
                    TIME_LIMIT_MS / 1000
                ),
            );
        }
    };
    accept(&what, &bytes, checker, &deadline).await
}

/// Content handed to the custom element as bytes (its `preview.content`:
/// the studio's preview of a clinic's compiled file): checked exactly as
/// fetched content is, with no request but the checker's.
pub async fn given(bytes: &js_sys::Uint8Array, checker: &str) -> Option<Rc<Content>> {
    let what = "the content given to the element (preview.content)";
    // Measured before it is copied into the wasm's memory.
    if bytes.length() as usize > signpost_engine::config::MAX_CONTENT_BYTES {
        return refuse(what, too_large());
    }
    accept(what, &bytes.to_vec(), checker, &Deadline::start()).await
}

/// `bytes` as the guide's content, once the checker module passes them.
async fn accept(
    what: &str,
    bytes: &[u8],
    checker: &str,
    deadline: &Deadline,
) -> Option<Rc<Content>> {
    let report = match check(checker, bytes, deadline).await {
        Ok(report) => report,
        Err(_) => {
            return refuse(
                what,
                format!("could not be checked (the checker {checker} did not load)"),
            );
        }
    };
    if !report.is_empty() {
        return refuse(what, format!("is not valid:\n{report}"));
    }
    // Validated just now by the checker: decode without validating again.
    match signpost_engine::compiled::from_trusted_bytes(bytes) {
        Ok(content) => Some(Rc::new(content)),
        Err(problems) => refuse(what, format!("is not valid:\n{problems}")),
    }
}

/// Says in the console why `what` is not used; the built-in content is.
fn refuse(what: &str, why: String) -> Option<Rc<Content>> {
    crate::platform::error(&format!(
        "Signpost: {what} {why}; using the built-in content."
    ));
    None
}

fn too_large() -> String {
    format!(
        "is larger than {} KiB",
        signpost_engine::config::MAX_CONTENT_BYTES / 1024
    )
}

/// Runs the checker module over `bytes`: an empty report means valid.
/// Its interface is documented in crates/content-check/src/lib.rs.
async fn check(
    checker: &str,
    bytes: &[u8],
    deadline: &Deadline,
) -> Result<String, wasm_bindgen::JsValue> {
    use wasm_bindgen_futures::JsFuture;

    use js_sys::{Function, Reflect, Uint8Array, WebAssembly};
    use wasm_bindgen::{JsCast, JsValue};

    let module = fetch(checker, deadline).await.map_err(|_| JsValue::NULL)?;
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
