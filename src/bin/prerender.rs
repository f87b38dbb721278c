//! Renders a start screen to static HTML at build time (step 3 of
//! scripts/build): `prerender welcome` for index.html, `prerender questions`
//! for questions.html; `prerender content es` writes that language's
//! content file (the browser build embeds English alone); `prerender
//! directory` writes the crisis directory as compact JSON for the failure
//! screens (no WebAssembly, a crash), so their numbers are the guide's own.
//! A visitor sees the screen, and can answer the first
//! question, before the WebAssembly has loaded; the guide then takes over,
//! keeping any answer already given (`state::Start::early`) and any button
//! pressed (`data-sp-to`, queued by the boot script).

use std::rc::Rc;

use signpost::state::Start;
use signpost::{App, AppProps};
use signpost_engine::Locale;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let questions = match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["welcome"] => false,
        ["questions"] => true,
        ["content", tag] if Locale::from_tag(tag).is_some() => {
            let locale = Locale::from_tag(tag).unwrap_or_default();
            let content = signpost::builtin::shared().expect("build.rs validated the content");
            let bytes = signpost_engine::compiled::to_bytes_in(&content, locale);
            std::io::Write::write_all(&mut std::io::stdout(), &bytes).expect("stdout");
            return;
        }
        ["directory"] => {
            let content = signpost::builtin::shared().expect("build.rs validated the content");
            print!("{}", directory_json(&content));
            return;
        }
        _ => {
            eprintln!("usage: prerender welcome|questions|content <language>|directory");
            std::process::exit(2);
        }
    };
    let html = yew::ServerRenderer::<App>::with_props(move || AppProps {
        locale: Some(Locale::En),
        start: Rc::new(Start {
            questions,
            ..Start::default()
        }),
        ..AppProps::default()
    })
    .hydratable(false)
    .render()
    .await;
    print!("{html}");
}

/// `{"GB":{"n":{"en":..},"z":[time zones],"e":[emergency numbers],
/// "l":[{"n":{..},"p":phone,"s":sms,"b":sms body,"a":abuse line}]}}`:
/// what web/numbers.js needs to list a country's numbers without the
/// WebAssembly. Sources and dates stay out, as in the guide's own copy.
fn directory_json(content: &signpost_engine::Content) -> String {
    fn string(s: &str) -> String {
        let mut out = String::from("\"");
        for c in s.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
                c => out.push(c),
            }
        }
        out.push('"');
        out
    }
    let text = |t: &signpost_engine::Text| -> String {
        let parts: Vec<String> = content
            .locales
            .iter()
            .filter_map(|tag| Locale::from_tag(tag))
            .map(|l| format!("{}:{}", string(l.tag()), string(t.get(l))))
            .collect();
        format!("{{{}}}", parts.join(","))
    };
    let option = |o: &Option<String>| o.as_deref().map_or("null".to_string(), string);
    let list = |items: Vec<String>| format!("[{}]", items.join(","));
    let countries: Vec<String> = content
        .crisis_directory
        .iter()
        .map(|c| {
            let lines = c
                .lines
                .iter()
                .map(|l| {
                    format!(
                        "{{\"n\":{},\"p\":{},\"s\":{},\"b\":{},\"a\":{}}}",
                        text(&l.name),
                        option(&l.phone),
                        option(&l.sms),
                        option(&l.sms_body),
                        l.abuse
                    )
                })
                .collect();
            format!(
                "{}:{{\"n\":{},\"z\":{},\"e\":{},\"l\":{}}}",
                string(&c.country),
                text(&c.name),
                list(c.time_zones.iter().map(|z| string(z)).collect()),
                list(c.emergency.iter().map(|e| string(&e.number)).collect()),
                list(lines)
            )
        })
        .collect();
    format!("{{{}}}", countries.join(","))
}
