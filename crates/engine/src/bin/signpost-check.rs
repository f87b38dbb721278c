//! Checks content files before they reach a visitor.
//!
//! Usage:
//!   signpost-check FILE.toml [FILE.toml ...]   check content split over files
//!   signpost-check --builtin                   check the built-in content
//!   signpost-check --compile OUT FILE.toml...  check, then write compiled content
//!   signpost-check --schema                    print the JSON Schema of a content file
//!   signpost-check --config FILE.json          check a clinic configuration file
//!   signpost-check --json OUT FILE.toml...     check, then write the content as JSON (tools, benchmarks)
//!   signpost-check --score ANSWERS.json [--locale es] [FILE.toml...]
//!                                              score one answer set, print the outcome as JSON
//! Prints every problem with its path, or a one-line summary; exits 1 on
//! any problem and 2 on a usage error.

use std::process::ExitCode;

use signpost_engine::{Source, builtin_sources, compiled, load};

const USAGE: &str = "usage: signpost-check FILE.toml [FILE.toml ...] | --builtin | --compile OUT FILE.toml ... | --schema | --config FILE.json | --score ANSWERS.json [--locale L] [FILE.toml ...] | --readability (FILE.toml ... | --builtin)";

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() || args.iter().any(|a| a == "-h" || a == "--help") {
        eprintln!("{USAGE}");
        eprintln!("Checks Signpost content files; together they must define the whole content.");
        return ExitCode::from(2);
    }
    if args == ["--schema"] {
        print!("{}", signpost_engine::load::json_schema());
        return ExitCode::SUCCESS;
    }
    if let [flag, path] = args.as_slice()
        && flag == "--config"
    {
        return check_config(path);
    }
    if args.first().is_some_and(|a| a == "--score") {
        return score_command(&args[1..]);
    }
    let (Ok(json_to), Ok(compile_to)) = (
        take_option(&mut args, "--json"),
        take_option(&mut args, "--compile"),
    ) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let readability = take_flag(&mut args, "--readability");
    let builtin = args == ["--builtin"];
    let mut texts = Vec::new();
    if !builtin {
        for path in &args {
            match std::fs::read(path).map(String::from_utf8) {
                Ok(Ok(text)) => texts.push((path.clone(), text)),
                Ok(Err(_)) => {
                    println!("{path}: not UTF-8 text");
                    return ExitCode::from(1);
                }
                Err(e) => {
                    println!("{path}: cannot read: {e}");
                    return ExitCode::from(1);
                }
            }
        }
    }
    let sources: Vec<Source<'_>> = if builtin {
        builtin_sources().to_vec()
    } else {
        texts
            .iter()
            .map(|(name, text)| Source { name, text })
            .collect()
    };
    match load(&sources) {
        Ok(content) => {
            println!(
                "ok: {} support options, {} questions, {} pages, locales {}",
                content.options.len(),
                content.questionnaire.questions.len(),
                content.audiences.len(),
                content.locales.join(", ")
            );
            if !report_proof(&content) {
                return ExitCode::from(1);
            }
            // Numbers change: a source not checked for a year is a warning.
            let today = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| (d.as_secs() / 86_400) as i64);
            let stale = signpost_engine::directory::stale_sources(
                &content,
                &signpost_engine::directory::date_of(today),
            );
            for s in &stale {
                println!("warning: {s}");
            }
            if let Some(out) = json_to {
                let json = serde_json::to_string_pretty(&content).unwrap_or_default();
                if let Err(e) = std::fs::write(&out, json) {
                    println!("{out}: cannot write: {e}");
                    return ExitCode::from(1);
                }
                println!("wrote {out}");
            }
            if let Some(out) = compile_to {
                let bytes = compiled::to_bytes(&content);
                if let Some(problem) = signpost_engine::config::content_size_problem(bytes.len()) {
                    println!("{out}: {problem}");
                    return ExitCode::from(1);
                }
                if let Err(e) = std::fs::write(&out, &bytes) {
                    println!("{out}: cannot write: {e}");
                    return ExitCode::from(1);
                }
                println!("wrote {out} ({} bytes)", bytes.len());
            }
            if readability {
                // Warnings, not errors: the exit code stays 0.
                print!("{}", signpost_engine::readability::report(&content));
            }
            ExitCode::SUCCESS
        }
        Err(problems) => {
            print!("{problems}");
            println!("{} problem(s) found", problems.len());
            ExitCode::from(1)
        }
    }
}

/// Proves the safeguards and prints one line each (and the counterexample
/// of any that breaks); false when one breaks.
fn report_proof(content: &signpost_engine::Content) -> bool {
    let started = std::time::Instant::now();
    let proof = match signpost_engine::prove::prove(content) {
        Ok(p) => p,
        Err(e) => {
            println!("safeguards: cannot prove: {e}");
            return false;
        }
    };
    let ms = started.elapsed().as_millis();
    println!(
        "safeguards: proven over {} reachable answer sets ({} control states, {} cases ranked one by one) in {ms} ms",
        proof.answer_sets, proof.controls, proof.cases
    );
    for s in &proof.safeguards {
        match &s.counterexample {
            None => println!(
                "  holds  {}: {} answer sets where it applies",
                s.id, s.covered
            ),
            Some(c) => {
                println!("  BROKEN {}: {}", s.id, c.broken);
                println!(
                    "    answers: {}",
                    signpost_engine::prove::answers_json(content, &c.answers)
                );
                println!("    best:    {}", c.best.join(", "));
                println!("    ranked:  {}", c.ranked.join(", "));
            }
        }
    }
    proof.holds()
}

/// Removes `flag VALUE` from the arguments: `Ok(None)` when absent, `Err`
/// when the value is missing.
fn take_option(args: &mut Vec<String>, flag: &str) -> Result<Option<String>, ()> {
    match args.iter().position(|a| a == flag) {
        None => Ok(None),
        Some(i) if i + 1 < args.len() => {
            let value = args.remove(i + 1);
            args.remove(i);
            Ok(Some(value))
        }
        Some(_) => Err(()),
    }
}

/// Removes `flag` from the arguments, saying whether it was there.
fn take_flag(args: &mut Vec<String>, flag: &str) -> bool {
    let before = args.len();
    args.retain(|a| a != flag);
    args.len() != before
}

/// Checks a configuration file against the built-in content: errors (a
/// fallback is in use) fail, warnings (something ignored) are printed.
fn check_config(path: &str) -> ExitCode {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => {
            println!("{path}: cannot read: {e}");
            return ExitCode::from(1);
        }
    };
    let value = match signpost_engine::json_value(&text) {
        Ok(v) => v,
        Err(e) => {
            println!("{path}: not valid JSON: {e}");
            return ExitCode::from(1);
        }
    };
    let content = match signpost_engine::builtin() {
        Ok(c) => c,
        Err(p) => {
            print!("{p}");
            return ExitCode::from(1);
        }
    };
    let (_, problems) = signpost_engine::config::read_config(&value, &content);
    for p in &problems {
        println!("{path}: {p}");
    }
    let errors = problems
        .iter()
        .filter(|p| p.severity == signpost_engine::config::Severity::Error)
        .count();
    if errors == 0 {
        println!("ok: {path} ({} warning(s))", problems.len());
        ExitCode::SUCCESS
    } else {
        println!("{errors} error(s) found");
        ExitCode::from(1)
    }
}

/// `--score ANSWERS.json [--locale L] [FILE.toml...]`: scores one answer set
/// against the built-in content (or the given files) and prints the outcome
/// as one JSON object. Every problem in the answers is reported with its
/// path; any problem means exit 1 and no outcome.
fn score_command(args: &[String]) -> ExitCode {
    let mut args = args.to_vec();
    let Ok(locale) = take_option(&mut args, "--locale") else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let Some(answers_path) = (!args.is_empty()).then(|| args.remove(0)) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let texts: Vec<(String, String)> = match args
        .iter()
        .map(|p| std::fs::read_to_string(p).map(|t| (p.clone(), t)))
        .collect::<Result<_, _>>()
    {
        Ok(t) => t,
        Err(e) => {
            println!("cannot read a content file: {e}");
            return ExitCode::from(1);
        }
    };
    let loaded = if texts.is_empty() {
        signpost_engine::builtin()
    } else {
        let sources: Vec<Source<'_>> = texts
            .iter()
            .map(|(name, text)| Source { name, text })
            .collect();
        load(&sources)
    };
    let content = match loaded {
        Ok(c) => c,
        Err(p) => {
            print!("{p}");
            return ExitCode::from(1);
        }
    };
    let tag = locale.unwrap_or_else(|| "en".into());
    let Some(locale) =
        signpost_engine::Locale::from_tag(&tag).filter(|_| content.locales.contains(&tag))
    else {
        println!(
            "--locale {tag}: the content is written in {}",
            content.locales.join(", ")
        );
        return ExitCode::from(1);
    };
    let text = match std::fs::read_to_string(&answers_path) {
        Ok(t) => t,
        Err(e) => {
            println!("{answers_path}: cannot read: {e}");
            return ExitCode::from(1);
        }
    };
    let value: serde_json::Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(e) => {
            println!("{answers_path}: not valid JSON: {e}");
            return ExitCode::from(1);
        }
    };
    match signpost_engine::report::answers_from_json(&content, &value) {
        Ok(answers) => {
            let outcome = signpost_engine::score(&content, &answers);
            let json = signpost_engine::report::outcome_json(&outcome, locale);
            println!(
                "{}",
                serde_json::to_string_pretty(&json).unwrap_or_default()
            );
            ExitCode::SUCCESS
        }
        Err(problems) => {
            for p in &problems {
                println!("{answers_path}: {p}");
            }
            println!("{} problem(s) found", problems.len());
            ExitCode::from(1)
        }
    }
}
