//! Messages for the integrator in the browser's console.

pub fn warn(message: &str) {
    web_sys::console::warn_1(&message.into());
}

pub fn error(message: &str) {
    web_sys::console::error_1(&message.into());
}
