use yew::prelude::*;

/// How many network requests the page has made since the guide started,
/// as the browser's own Resource Timing records them: the visible privacy
/// check. Zero outside a browser.
#[hook]
pub fn use_request_count() -> usize {
    let count = use_state(|| 0usize);
    {
        let count = count.clone();
        use_effect_with((), move |_| {
            crate::platform::count_requests(move |n| count.set(n))
        });
    }
    *count
}
