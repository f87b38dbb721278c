//! Reads compiled content (postcard's format, as `postcard::to_allocvec`
//! writes it natively) straight into the content model: the only reader
//! of it, in the browser, the checker module and the studio alike.
//!
//! serde's derived readers were the largest item in the guide's wasm (13.6
//! KiB brotli of 154, issue 29): every field of every type has its own
//! error path, dropping the fields read before it. Here the first error
//! stays in the [`Reader`] and every read after it returns an empty value,
//! so reading a type is a straight list of calls, and the caller asks
//! once, at the end, whether it worked. Each struct's reader names all its
//! fields (the compiler refuses one left out); their order is the
//! declaration order postcard writes, checked against postcard itself on
//! every built-in file and on corrupted ones (tests/compiled.rs).

use std::collections::BTreeMap;

use crate::model::*;
use crate::text::{Text, TextList};

/// Why bytes could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Error {
    /// The bytes end before the content does.
    End,
    /// A value is not one this format writes (a flag other than 0 or 1, an
    /// unknown variant, text that is not UTF-8, a condition with no test or
    /// two).
    Malformed,
    /// Conditions nest [`MAX_DECODE_DEPTH`] deep or more.
    TooDeep,
    /// Bytes are left after the content.
    Trailing,
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Error::End => "it ends too early",
            Error::Malformed => "a value in it is not valid",
            Error::TooDeep => "its conditions nest too deep",
            Error::Trailing => "it has bytes after its end",
        })
    }
}

/// Reads `T` from all of `bytes`.
pub fn read_all<T: Read>(bytes: &[u8]) -> Result<T, Error> {
    let mut r = Reader {
        bytes,
        at: 0,
        error: None,
        depth: 0,
    };
    let value = T::read(&mut r);
    if r.error.is_none() && r.at != bytes.len() {
        r.error = Some(Error::Trailing);
    }
    r.error.map_or(Ok(value), Err)
}

pub struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    error: Option<Error>,
    /// How many conditions enclose the one being read.
    depth: usize,
}

impl Reader<'_> {
    fn fail(&mut self, e: Error) {
        self.error.get_or_insert(e);
    }

    fn byte(&mut self) -> u8 {
        match self.bytes.get(self.at) {
            Some(&b) if self.error.is_none() => {
                self.at += 1;
                b
            }
            _ => {
                self.fail(Error::End);
                0
            }
        }
    }

    /// postcard's varint: seven bits a byte, low first, at most `max`
    /// bytes, and no bits past the type's width in the last.
    fn varint(&mut self, max: u32, last_max: u8) -> u64 {
        let mut out = 0;
        for i in 0..max {
            let b = self.byte();
            out |= u64::from(b & 0x7f) << (7 * i);
            if b & 0x80 == 0 {
                if i == max - 1 && b > last_max {
                    break;
                }
                return out;
            }
        }
        self.fail(Error::Malformed);
        0
    }

    fn u32(&mut self) -> u32 {
        self.varint(5, 0x0f) as u32
    }

    /// A length (postcard writes `usize`: 64 bits natively, where the
    /// files are made). More items than bytes left cannot be right: every
    /// item takes a byte at least.
    fn len(&mut self) -> usize {
        let n = self.varint(10, 0x01);
        if n > (self.bytes.len() - self.at) as u64 {
            self.fail(Error::End);
            return 0;
        }
        n as usize
    }

    /// 0 or 1 (`bool`, and `Option`'s tag).
    fn flag(&mut self) -> bool {
        match self.byte() {
            0 => false,
            1 => true,
            _ => {
                self.fail(Error::Malformed);
                false
            }
        }
    }

    /// An enum's variant, one of `count`.
    fn variant(&mut self, count: u32) -> u32 {
        let v = self.u32();
        if v >= count {
            self.fail(Error::Malformed);
            return 0;
        }
        v
    }

    fn ok(&self) -> bool {
        self.error.is_none()
    }
}

/// A value read from compiled content.
pub trait Read: Sized {
    fn read(r: &mut Reader) -> Self;
}

impl Read for bool {
    fn read(r: &mut Reader) -> Self {
        r.flag()
    }
}

impl Read for u32 {
    fn read(r: &mut Reader) -> Self {
        r.u32()
    }
}

impl Read for i32 {
    /// Zigzag: 0, -1, 1, -2, ... as 0, 1, 2, 3, ...
    fn read(r: &mut Reader) -> Self {
        let n = r.u32();
        ((n >> 1) as i32) ^ -((n & 1) as i32)
    }
}

impl Read for String {
    fn read(r: &mut Reader) -> Self {
        let n = r.len();
        let start = r.at;
        r.at += n;
        match std::str::from_utf8(&r.bytes[start..r.at]) {
            Ok(s) => s.to_owned(),
            Err(_) => {
                r.fail(Error::Malformed);
                String::new()
            }
        }
    }
}

impl<T: Read> Read for Option<T> {
    fn read(r: &mut Reader) -> Self {
        r.flag().then(|| T::read(r))
    }
}

impl<T: Read> Read for Box<T> {
    fn read(r: &mut Reader) -> Self {
        Box::new(T::read(r))
    }
}

impl<T: Read> Read for Vec<T> {
    fn read(r: &mut Reader) -> Self {
        let n = r.len();
        // Grown as items arrive: a crafted length must not reserve memory.
        let mut items = Vec::new();
        while items.len() < n && r.ok() {
            items.push(T::read(r));
        }
        items
    }
}

impl<V: Read> Read for BTreeMap<String, V> {
    fn read(r: &mut Reader) -> Self {
        let mut map = BTreeMap::new();
        for _ in 0..r.len() {
            if !r.ok() {
                break;
            }
            let k = String::read(r);
            map.insert(k, V::read(r));
        }
        map
    }
}

impl Read for Text {
    fn read(r: &mut Reader) -> Self {
        Text(Read::read(r))
    }
}

impl Read for TextList {
    fn read(r: &mut Reader) -> Self {
        TextList(Read::read(r))
    }
}

/// Structs, their fields in declaration order (postcard's order).
macro_rules! structs {
    ($($ty:ident { $($field:ident),* $(,)? })*) => {$(
        impl Read for $ty {
            fn read(r: &mut Reader) -> Self {
                $ty { $($field: Read::read(r)),* }
            }
        }
    )*};
}

structs! {
    SupportOption { id, urgent, name, summary, what, good_for, not_for, length, provider,
        first_session, privacy, cost, ask, schools, compare }
    School { id, name, text }
    Compare { focus, length, provider, cost, privacy }
    HelperPage { title, intro, qualities, overlap, titles }
    Quality { id, name, text }
    AudiencePage { id, title, summary, sections }
    Section { heading, body }
    Questionnaire { title, intro, scales, questions, instruments, rules, self_care }
    SelfCare { id, when, title, text, source }
    Scale { id, answers }
    ScaleAnswer { id, value, label }
    Question { id, kind, optional, text, hint, scale, answers, lead, links, show_if, safety,
        safe_answer, crisis_reason, crisis_text }
    AnswerOption { id, label, weights, crisis_reason, crisis_text, abuse_lines_first }
    Weight { option, points, reason }
    ShowIf { question, any_of, flag }
    AnswerTest { question, answer }
    AnswersTest { question, answers }
    BandTest { instrument, band }
    FlagTest { instrument, subscale }
    Instrument { id, name, stem, attribution, items, bands, subscales }
    Band { id, min, max, label, meaning }
    Subscale { id, name, items, flag_at, meaning }
    Rule { id, when, weights, caution, hold_back, exclude, require_one_of }
    Safeguard { id, when, never_leads, never_best, best_includes_one_of, leads_with_one_of,
        answering_keeps_restrictions, skipping_keeps_restrictions, rationale, source }
    EmergencyNumber { number, service, source, checked }
    DeferredProse { texts, lists }
}

impl Read for Content {
    fn read(r: &mut Reader) -> Self {
        Content {
            schema_version: Read::read(r),
            locales: Read::read(r),
            ui: Read::read(r),
            options: Read::read(r),
            helper: Read::read(r),
            audiences: Read::read(r),
            questionnaire: Read::read(r),
            safeguards: Read::read(r),
            // Not in compiled content: the directory is a file of its own.
            crisis_directory: Vec::new(),
            emergency_numbers: Vec::new(),
            mobile_emergency: Read::read(r),
            time_zones: BTreeMap::new(),
        }
    }
}

impl Read for QuestionKind {
    fn read(r: &mut Reader) -> Self {
        [
            QuestionKind::Single,
            QuestionKind::Multi,
            QuestionKind::Scale,
        ][r.variant(3) as usize]
    }
}

impl Read for Service {
    fn read(r: &mut Reader) -> Self {
        [Service::General, Service::Police, Service::Ambulance][r.variant(3) as usize]
    }
}

impl Read for Condition {
    /// Written as its [`ConditionSpec`]: ten optional tests, exactly one
    /// present. Conditions [`MAX_DECODE_DEPTH`] deep are refused before
    /// they are read, so a crafted file cannot exhaust the stack.
    fn read(r: &mut Reader) -> Self {
        if r.depth >= MAX_DECODE_DEPTH {
            r.fail(Error::TooDeep);
            return Condition::always();
        }
        let spec = ConditionSpec {
            is: Read::read(r),
            includes: Read::read(r),
            any_of: Read::read(r),
            band: Read::read(r),
            flag: Read::read(r),
            not_completed: Read::read(r),
            risk: Read::read(r),
            all: nested(r),
            any: nested(r),
            not: nested(r),
        };
        spec.single().unwrap_or_else(|| {
            r.fail(Error::Malformed);
            Condition::always()
        })
    }
}

/// Reads `all`, `any` or `not`: conditions one level deeper.
fn nested<T: Read>(r: &mut Reader) -> T {
    r.depth += 1;
    let value = T::read(r);
    r.depth -= 1;
    value
}
