//! Who to call: the crisis directory (every country's emergency number and
//! crisis lines), the country the device suggests, the contacts each
//! screen lists, `tel:` and `sms:` links, and opening hours.

pub mod contacts;
pub mod directory;
pub mod hours;
