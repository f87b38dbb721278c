//! The content validator as its own WebAssembly module, without
//! wasm-bindgen: a clinic's replacement content file is checked here before
//! the guide uses it. Keeping the validator out of the guide's own wasm
//! makes it 8.2 KiB brotli smaller, so the guide starts sooner; only pages
//! whose configuration names replacement content run this module
//! (`src/embed/replacement.rs`). The service worker still precaches it
//! with the guide's other files.
//!
//! The interface is three plain functions over the module's memory:
//! `alloc(len)` reserves room for the file, `check(ptr, len)` validates it
//! and returns the length of the report (0 when the file is valid), and
//! `report()` points at the report: every problem on its own line.

use std::cell::RefCell;

use signpost_engine::compiled;

thread_local! {
    static REPORT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Reserves `len` bytes for the caller to fill; [`check`] takes them back.
#[unsafe(no_mangle)]
pub extern "C" fn alloc(len: usize) -> *mut u8 {
    let mut bytes = Vec::<u8>::with_capacity(len);
    let ptr = bytes.as_mut_ptr();
    std::mem::forget(bytes);
    ptr
}

/// Decodes and validates the compiled content at `ptr` (from [`alloc`],
/// filled with `len` bytes) and frees it. Returns the report's length.
///
/// # Safety
/// `ptr` must come from `alloc(len)` with the same `len`, and be used once.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn check(ptr: *mut u8, len: usize) -> usize {
    // SAFETY: the caller passes back what `alloc(len)` gave it, filled.
    let bytes = unsafe { Vec::from_raw_parts(ptr, len, len) };
    let report = match compiled::from_bytes(&bytes) {
        Ok(_) => String::new(),
        Err(problems) => problems.to_string(),
    };
    REPORT.with_borrow_mut(|r| {
        *r = report.into_bytes();
        r.len()
    })
}

/// The last report (UTF-8), valid until the next [`check`].
#[unsafe(no_mangle)]
pub extern "C" fn report() -> *const u8 {
    REPORT.with_borrow(|r| r.as_ptr())
}
