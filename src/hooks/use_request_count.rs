use yew::prelude::*;

/// How many network requests the page has made since the guide started,
/// as the browser's own Resource Timing records them: the visible privacy
/// check. Zero outside a browser.
#[hook]
pub fn use_request_count() -> usize {
    let count = use_state(|| 0usize);
    {
        let count = count.clone();
        use_effect_with((), move |_| observe(count));
    }
    *count
}

#[cfg(target_arch = "wasm32")]
fn observe(count: UseStateHandle<usize>) -> impl FnOnce() {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;

    let performance = web_sys::window().and_then(|w| w.performance());
    let start = performance.as_ref().map_or(0.0, |p| p.now());
    let seen = std::rc::Rc::new(std::cell::Cell::new(0usize));
    let callback = Closure::<dyn FnMut(web_sys::PerformanceObserverEntryList)>::new(
        move |list: web_sys::PerformanceObserverEntryList| {
            let new = list
                .get_entries()
                .iter()
                .filter_map(|e| e.dyn_into::<web_sys::PerformanceEntry>().ok())
                .filter(|e| e.start_time() >= start)
                .count();
            seen.set(seen.get() + new);
            count.set(seen.get());
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

#[cfg(not(target_arch = "wasm32"))]
fn observe(_: UseStateHandle<usize>) -> impl FnOnce() {
    || ()
}
