//! localStorage, for the one key the guide may write (`crate::storage`
//! decides when: only after the visitor opts in).

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn recall(key: &str) -> Option<String> {
    local()?.get_item(key).ok().flatten()
}

pub fn remember(key: &str, value: &str) {
    if let Some(s) = local() {
        let _ = s.set_item(key, value);
    }
}

pub fn forget(key: &str) {
    if let Some(s) = local() {
        let _ = s.remove_item(key);
    }
}
