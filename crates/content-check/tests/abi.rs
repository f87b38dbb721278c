//! The module's three functions, called the way src/embed/replacement.rs calls
//! them in the browser: copy the file into `alloc`'s room, `check`, read the
//! report.

use signpost_content_check::{alloc, check, report};
use signpost_engine::compiled::to_bytes;

fn run(bytes: &[u8]) -> String {
    let ptr = alloc(bytes.len());
    // SAFETY: `alloc` reserved `bytes.len()` bytes at `ptr`; `check` takes
    // them back, and the report is read before the next call.
    unsafe {
        std::ptr::copy_nonoverlapping(bytes.as_ptr(), ptr, bytes.len());
        let len = check(ptr, bytes.len());
        String::from_utf8(std::slice::from_raw_parts(report(), len).to_vec()).expect("UTF-8")
    }
}

fn builtin() -> signpost_engine::Content {
    signpost_engine::load(&signpost_engine::builtin_sources()).expect("built-in content is valid")
}

#[test]
fn valid_content_gives_an_empty_report() {
    assert_eq!(run(&to_bytes(&builtin())), "");
}

#[test]
fn content_that_decodes_but_breaks_the_rules_is_reported() {
    let mut content = builtin();
    content.options.retain(|o| !o.urgent);
    let report = run(&to_bytes(&content));
    assert!(report.contains("no crisis option"), "{report}");
    // A second file is checked afresh.
    assert_eq!(run(&to_bytes(&builtin())), "");
}

#[test]
fn files_that_are_not_content_are_reported() {
    assert!(run(b"").contains("not a Signpost content file"));
    let bytes = to_bytes(&builtin());
    assert!(run(&bytes[..bytes.len() / 2]).contains("cannot be read"));
}
