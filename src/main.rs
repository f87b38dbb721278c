//! The standalone page: mounts the guide into `<main id="signpost">`.

fn main() {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("signpost"))
        .expect("index.html has an element with id \"signpost\"");
    let props = signpost::AppProps {
        standalone: true,
        ..Default::default()
    };
    yew::Renderer::<signpost::App>::with_root_and_props(root, props).render();
}
