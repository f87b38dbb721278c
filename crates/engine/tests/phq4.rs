//! The PHQ-4 scored exhaustively: all 256 answer combinations.

mod common;

use signpost_engine::score;

/// The published bands (Kroenke et al. 2009), written out independently of
/// the content file so a wrong edge there fails here.
fn expected_band(total: u32) -> &'static str {
    match total {
        0..=2 => "none",
        3..=5 => "mild",
        6..=8 => "moderate",
        9..=12 => "severe",
        _ => unreachable!(),
    }
}

#[test]
fn every_combination_gets_the_right_total_band_and_subscales() {
    let content = common::content();
    let mut seen_bands = std::collections::BTreeMap::new();
    for code in 0u32..256 {
        let v: Vec<u32> = (0..4).map(|i| (code >> (2 * i)) & 3).collect();
        let spec = format!(
            "safety=not_at_all; phq4={},{},{},{}",
            v[0], v[1], v[2], v[3]
        );
        let answers = common::answers(content, &spec);
        let outcome = score(content, &answers);
        let phq4 = outcome.instrument("phq4").expect("phq4 result");

        let total: u32 = v.iter().sum();
        assert_eq!(phq4.total, Some(total), "{spec}");
        let band = phq4.band.expect("a band for every total");
        assert_eq!(band.id, expected_band(total), "{spec}");
        *seen_bands.entry(band.id.clone()).or_insert(0) += 1;
        assert!(phq4.skipped.is_empty());

        let gad2 = &phq4.subscales[0];
        let phq2 = &phq4.subscales[1];
        assert_eq!(
            (gad2.subscale.id.as_str(), phq2.subscale.id.as_str()),
            ("gad2", "phq2")
        );
        assert_eq!(gad2.score, Some(v[0] + v[1]), "{spec}");
        assert_eq!(phq2.score, Some(v[2] + v[3]), "{spec}");
        // Positive at 3 or more: 2 is not flagged, 3 is.
        assert_eq!(gad2.flagged, v[0] + v[1] >= 3, "{spec}");
        assert_eq!(phq2.flagged, v[2] + v[3] >= 3, "{spec}");
    }
    // Number of 4-item combinations per band: totals 0-2: 1+4+10, 3-5:
    // 20+31+40, 6-8: 44+40+31, 9-12: 20+10+4+1.
    let counts: Vec<(String, i32)> = seen_bands.into_iter().collect();
    assert_eq!(
        counts,
        [
            ("mild".into(), 91),
            ("moderate".into(), 115),
            ("none".into(), 15),
            ("severe".into(), 35)
        ]
    );
}

#[test]
fn band_edges_are_exact() {
    let content = common::content();
    for (spec, band) in [
        ("phq4=0,0,0,0", "none"),
        ("phq4=1,1,0,0", "none"),
        ("phq4=1,1,1,0", "mild"),
        ("phq4=2,2,1,0", "mild"),
        ("phq4=2,2,1,1", "moderate"),
        ("phq4=2,2,2,2", "moderate"),
        ("phq4=3,2,2,2", "severe"),
        ("phq4=3,3,3,3", "severe"),
    ] {
        let outcome = score(content, &common::answers(content, spec));
        let phq4 = outcome.instrument("phq4").unwrap();
        assert_eq!(phq4.band.map(|b| b.id.as_str()), Some(band), "{spec}");
    }
}

#[test]
fn a_skipped_item_is_reported_and_never_counted_as_zero() {
    let content = common::content();
    let outcome = score(content, &common::answers(content, "phq4=3,3,-,0"));
    let phq4 = outcome.instrument("phq4").unwrap();
    assert_eq!(phq4.total, None);
    assert_eq!(phq4.at_least, 6);
    // The answered items already reach "moderate": a floor, not a total.
    assert_eq!(phq4.band.map(|b| b.id.as_str()), Some("moderate"));
    assert!(phq4.band_is_minimum());
    assert_eq!(phq4.skipped, ["phq4_3"]);
    assert_eq!(phq4.subscales[0].score, Some(6));
    assert!(phq4.subscales[0].flagged);
    assert_eq!(phq4.subscales[1].score, None);
    assert_eq!(phq4.subscales[1].at_least, 0);
    assert!(!phq4.subscales[1].flagged);
    assert!(outcome.skipped.contains(&"phq4_3"));
    // The moderate band's rules apply to the floor.
    assert!(
        outcome
            .cautions
            .iter()
            .any(|c| c.rule == "moderate_or_hard")
    );
}

/// Issue 23, item 1: items 2-4 "nearly every day" add up to 9 with item 1
/// skipped, which is severe whatever item 1 is.
#[test]
fn answered_items_that_already_reach_severe_count_as_severe() {
    let content = common::content();
    let spec = "concerns=work; duration=months; impact=none; phq4=-,3,3,3; wants=goals; safety=not_at_all; harm=no";
    let outcome = score(content, &common::answers(content, spec));
    let phq4 = outcome.instrument("phq4").unwrap();
    assert_eq!(phq4.band.map(|b| b.id.as_str()), Some("severe"));
    assert_ne!(outcome.lead().unwrap().option.id, "coaching");
    assert!(
        outcome
            .cautions
            .iter()
            .any(|c| c.rule == "severe_or_struggling")
    );
    // A flagged subscale shows even without a total.
    assert!(phq4.subscales[1].flagged && phq4.subscales[1].score == Some(6));
    assert!(phq4.subscales[0].flagged && phq4.subscales[0].score.is_none());
}

/// Over every PHQ-4 answer vector with at least one skip (4^4 answers and
/// skips: 5^4 - 4^4 vectors): the band of a partial answer is a floor for
/// every way to answer the skipped items, it is the band their lowest
/// completion reaches unless that is the lowest band, and a flag shown on
/// a partial subscale holds for every completion.
#[test]
fn a_partial_band_is_the_floor_of_every_completion() {
    let content = common::content();
    let values = ["0", "1", "2", "3", "-"];
    let band_index = |spec: &str| {
        let outcome = score(content, &common::answers(content, spec));
        let r = outcome.instrument("phq4").unwrap().clone();
        (
            r.band
                .map(|b| r.instrument.bands.iter().position(|x| x == b).unwrap()),
            r.subscales.iter().map(|s| s.flagged).collect::<Vec<_>>(),
        )
    };
    let mut checked = 0;
    for code in 0..625usize {
        let v: Vec<&str> = (0..4).map(|i| values[(code / 5usize.pow(i)) % 5]).collect();
        if !v.contains(&"-") {
            continue;
        }
        let (partial, flags) = band_index(&format!("phq4={}", v.join(",")));
        let mut lowest_completion = None;
        for fill in 0..4usize.pow(4) {
            let c: Vec<String> = v
                .iter()
                .enumerate()
                .map(|(i, x)| {
                    if *x == "-" {
                        ((fill / 4usize.pow(i as u32)) % 4).to_string()
                    } else {
                        x.to_string()
                    }
                })
                .collect();
            let (band, full_flags) = band_index(&format!("phq4={}", c.join(",")));
            let band = band.expect("a complete answer has a band");
            if let Some(p) = partial {
                assert!(band >= p, "{v:?} -> {c:?}: band {band} below the floor {p}");
            }
            for (f, full) in flags.iter().zip(&full_flags) {
                assert!(!f || *full, "{v:?} -> {c:?}: a flag shown is lost");
            }
            lowest_completion = Some(lowest_completion.map_or(band, |l: usize| l.min(band)));
        }
        let lowest = lowest_completion.unwrap();
        assert_eq!(partial, (lowest > 0).then_some(lowest), "{v:?}");
        checked += 1;
    }
    assert_eq!(checked, 625 - 256);
}
