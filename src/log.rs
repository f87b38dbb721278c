//! Messages for the integrator in the browser's console (stderr natively,
//! e.g. in server-rendering tests).

#[cfg(target_arch = "wasm32")]
pub fn warn(message: &str) {
    web_sys::console::warn_1(&message.into());
}

#[cfg(target_arch = "wasm32")]
pub fn error(message: &str) {
    web_sys::console::error_1(&message.into());
}

#[cfg(not(target_arch = "wasm32"))]
pub fn warn(message: &str) {
    eprintln!("{message}");
}

#[cfg(not(target_arch = "wasm32"))]
pub fn error(message: &str) {
    eprintln!("{message}");
}
