//! How many network requests the page has made since the guide started,
//! as the browser's own Resource Timing records them: the visible privacy
//! check (`hooks::use_request_count`).

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// Calls `seen` with the running count at each new request; returns what
/// stops counting.
pub fn count_requests(seen: impl Fn(usize) + 'static) -> impl FnOnce() {
    let performance = web_sys::window().and_then(|w| w.performance());
    let start = performance.as_ref().map_or(0.0, |p| p.now());
    let total = Rc::new(Cell::new(0usize));
    let callback = Closure::<dyn FnMut(web_sys::PerformanceObserverEntryList)>::new(
        move |list: web_sys::PerformanceObserverEntryList| {
            let new = list
                .get_entries()
                .iter()
                .filter_map(|e| e.dyn_into::<web_sys::PerformanceEntry>().ok())
                .filter(|e| e.start_time() >= start)
                .count();
            total.set(total.get() + new);
            seen(total.get());
        },
    );
    let observer = web_sys::PerformanceObserver::new(callback.as_ref().unchecked_ref()).ok();
    if let Some(o) = &observer {
        let types = js_sys::Array::of1(&"resource".into());
        o.observe(&web_sys::PerformanceObserverInit::new(&types));
    }
    move || {
        if let Some(o) = observer {
            o.disconnect();
        }
        drop(callback);
    }
}
