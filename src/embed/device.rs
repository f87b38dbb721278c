//! What the device says about where the visitor is, read on the device and
//! never sent anywhere: its preferred languages and its time zone.

use signpost_engine::directory::DeviceHints;

/// `navigator.languages` and the `Intl` time zone (empty off the browser).
#[cfg(target_arch = "wasm32")]
pub fn hints() -> DeviceHints {
    use wasm_bindgen::JsCast;
    let languages = web_sys::window()
        .map(|w| w.navigator().languages())
        .map(|list| list.iter().filter_map(|v| v.as_string()).take(10).collect())
        .unwrap_or_default();
    let options = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new())
        .resolved_options();
    let time_zone = js_sys::Reflect::get(&options, &"timeZone".into())
        .ok()
        .and_then(|v| v.dyn_into::<js_sys::JsString>().ok())
        .map(String::from)
        .filter(|z| z.len() <= 64);
    DeviceHints {
        languages,
        time_zone,
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub fn hints() -> DeviceHints {
    DeviceHints::default()
}
